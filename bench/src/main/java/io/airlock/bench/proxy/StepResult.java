package io.airlock.bench.proxy;

import java.util.Locale;

/** The figures of one measured step, printed as a Markdown table row. */
final class StepResult {

    static final String HEADER = "| streams | pkt/s in | pkt/s out | Mbit/s out | gaps | silent | uninspected "
            + "| p50 µs | p99 µs | p99.9 µs | CPU %/stream (process) | CPU %/stream (proxy) | streams/core (proxy) "
            + "| GC n (ms) | B/pkt (process) | B/pkt (proxy) | CPU s: sim/proxy/rec/other |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    int streams;
    double seconds;
    long forwarded;
    long uninspected;
    long received;
    long receivedBytes;
    long gaps;
    long reordered;
    long silent;
    long closedEarly;
    double processCpu;
    final double[] groupCpu = new double[ProcessProbe.Group.values().length];
    final long[] groupAllocated = new long[ProcessProbe.Group.values().length];
    long gcCount;
    long gcMillis;
    long stealMillis;
    long p50;
    long p99;
    long p999;
    long maxLifetime;
    boolean latencyWholeLife;
    String findings = "";
    String threads = "";

    /** No sequence gap, no silent or closed stream, nothing forwarded uninspected, and packets did flow. */
    boolean zeroLoss() {
        return gaps == 0 && silent == 0 && closedEarly == 0 && uninspected == 0 && received > 0;
    }

    String row() {
        int proxy = ProcessProbe.Group.PROXY.ordinal();
        double cpuProcess = 100.0 * processCpu / seconds / streams;
        double cpuProxy = 100.0 * groupCpu[proxy] / seconds / streams;
        long allocatedAll = 0;
        for (long a : groupAllocated) {
            allocatedAll += a;
        }
        long in = forwarded + uninspected;
        return String.format(Locale.ROOT,
                "| %d | %.0f | %.0f | %.1f | %d | %d | %d | %s | %s | %s | %.3f | %.3f | %.0f | %d (%d) | %.1f | %.1f "
                        + "| %.1f/%.1f/%.1f/%.1f |%s%s",
                streams, in / seconds, received / seconds, receivedBytes * 8 / seconds / 1e6, gaps, silent,
                uninspected, micros(p50), micros(p99), micros(p999), cpuProcess, cpuProxy,
                cpuProxy > 0 ? 100.0 / cpuProxy : 0.0, gcCount, gcMillis, (double) allocatedAll / Math.max(1, received),
                (double) groupAllocated[proxy] / Math.max(1, in), groupCpu[ProcessProbe.Group.SIMULATOR.ordinal()],
                groupCpu[proxy], groupCpu[ProcessProbe.Group.RECORDERS.ordinal()],
                groupCpu[ProcessProbe.Group.OTHER.ordinal()],
                latencyWholeLife ? " latency over whole run incl. warm-up;" : "",
                (closedEarly > 0 ? " closed early " + closedEarly + ";" : "")
                        + (reordered > 0 ? " reordered " + reordered + ";" : "")
                        + " max(lifetime) " + maxLifetime / 1000 + " µs; steal " + stealMillis + " ms; findings "
                        + findings);
    }

    /** A bucket upper edge in ns as "≤N" µs. */
    private static String micros(long nanos) {
        return nanos == Long.MAX_VALUE ? "inf" : "≤" + (nanos + 1) / 1000;
    }
}
