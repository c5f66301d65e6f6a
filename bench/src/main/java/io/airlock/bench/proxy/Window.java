package io.airlock.bench.proxy;

import io.airlock.metrics.LatencyHistogram;
import io.airlock.proxy.ProxyRuntime;

/**
 * The measured window of one step: readings at its start, turned into a {@link StepResult} at its end.
 * The window's latency percentiles come from the histogram's bucket counts snapshotted at both ends, so warm-up is
 * excluded; they are bucket upper edges (at most 12.5 % high), as {@link LatencyHistogram#percentile} reports them.
 */
final class Window {

    private final ProcessProbe probe;
    private final ProxyRuntime runtime;
    private final RecorderClients clients;
    private final ProcessProbe.Snapshot start;
    private final long[] startTotals;
    private final long[] startPerStream;
    private final long[] startBuckets;
    private final long startForwarded;
    private final long startUninspected;

    private Window(ProcessProbe probe, ProxyRuntime runtime, RecorderClients clients) {
        this.probe = probe;
        this.runtime = runtime;
        this.clients = clients;
        this.startBuckets = buckets(runtime.latency());
        this.startForwarded = runtime.latency().count();
        this.startUninspected = runtime.ringFullDrops();
        this.startTotals = clients.totals();
        this.startPerStream = clients.packetsPerStream();
        this.start = probe.snapshot();
    }

    static Window open(ProcessProbe probe, ProxyRuntime runtime, RecorderClients clients) {
        return new Window(probe, runtime, clients);
    }

    StepResult close(int streams) {
        ProcessProbe.Snapshot end = probe.snapshot();
        long[] totals = clients.totals();
        long[] perStream = clients.packetsPerStream();
        long[] endBuckets = buckets(runtime.latency());
        StepResult r = new StepResult();
        r.streams = streams;
        double wall = (end.wallNanos - start.wallNanos) / 1e9;
        r.seconds = wall;
        r.forwarded = runtime.latency().count() - startForwarded;
        r.uninspected = runtime.ringFullDrops() - startUninspected;
        r.received = totals[0] - startTotals[0];
        r.receivedBytes = totals[1] - startTotals[1];
        r.gaps = totals[2] - startTotals[2];
        r.reordered = totals[3] - startTotals[3];
        for (int i = 0; i < perStream.length; i++) {
            r.silent += perStream[i] == startPerStream[i] ? 1 : 0;
        }
        r.closedEarly = clients.closedEarly();
        r.processCpu = (end.processCpuNanos - start.processCpuNanos) / 1e9;
        for (ProcessProbe.Group g : ProcessProbe.Group.values()) {
            r.groupCpu[g.ordinal()] = (end.threadCpu[g.ordinal()] - start.threadCpu[g.ordinal()]) / 1e9;
            r.groupAllocated[g.ordinal()] = end.allocated[g.ordinal()] - start.allocated[g.ordinal()];
        }
        r.stealMillis = start.stealMillis < 0 || end.stealMillis < 0 ? -1 : end.stealMillis - start.stealMillis;
        r.gcCount = end.gcCount - start.gcCount;
        r.gcMillis = end.gcMillis - start.gcMillis;
        if (startBuckets != null && endBuckets != null) {
            long[] delta = new long[endBuckets.length];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = endBuckets[i] - startBuckets[i];
            }
            r.p50 = LatencyHistogram.percentile(delta, 0.50);
            r.p99 = LatencyHistogram.percentile(delta, 0.99);
            r.p999 = LatencyHistogram.percentile(delta, 0.999);
            r.latencyWholeLife = false;
        } else {
            LatencyHistogram h = runtime.latency();
            r.p50 = h.percentile(0.50);
            r.p99 = h.percentile(0.99);
            r.p999 = h.percentile(0.999);
            r.latencyWholeLife = true;
        }
        r.maxLifetime = runtime.latency().max();
        r.threads = end.threadsSince(start);
        return r;
    }

    private static long[] buckets(LatencyHistogram h) {
        return h.snapshot();
    }
}
