package io.airlock.watch;

import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.ProducerType;
import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.capture.CaptureException;
import io.airlock.capture.LiveCapture;
import io.airlock.capture.LiveCaptureOptions;
import io.airlock.capture.LiveCaptureStats;
import io.airlock.ingest.LiveCaptureSource;
import io.airlock.metrics.WatchMetrics;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.WaitStrategies;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The watch on a live interface: libpcap capture publishing into its own ring, drained by the same
 * {@link WatchInspector} {@code airlock inspect} runs over a capture file.
 */
public final class LiveWatch implements AutoCloseable, WatchMetrics {

    private static final int RING_SIZE = 4096;
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final int MAX_FINDINGS = 100_000;

    private final LiveCapture capture;
    private final InspectionPipeline pipeline;
    private final LiveCaptureSource source;
    private final WatchInspector inspector;
    private final FindingTable findings;
    private final Thread thread;
    private volatile boolean closed;

    private LiveWatch(LiveCapture capture, WatchConfig config, FindingSink sink, int snaplen) {
        this.capture = capture;
        this.findings = new FindingTable(sink, MAX_FINDINGS);
        this.inspector = new WatchInspector(config, findings, null);
        this.pipeline = new InspectionPipeline(RING_SIZE, WaitStrategies.byName(WaitStrategies.LIVE_DEFAULT),
                ProducerType.SINGLE, List.of(inspector), true);
        this.source = new LiveCaptureSource(capture, pipeline.publisher(), RING_SIZE, snaplen);
        this.thread = new Thread(source, "airlock-capture-" + capture.interfaceName());
        thread.setDaemon(true);
    }

    /**
     * Opens the capture and starts watching.
     *
     * @throws CaptureException with a one-line reason (no such interface, no CAP_NET_RAW, a bad BPF filter, ...)
     */
    public static LiveWatch start(LiveCaptureOptions options, WatchConfig config, FindingSink sink)
            throws CaptureException {
        LiveCapture capture = LiveCapture.open(options);
        LiveWatch watch = new LiveWatch(capture, config, sink, options.snaplen());
        watch.thread.start();
        return watch;
    }

    public String interfaceName() {
        return capture.interfaceName();
    }

    /** Kernel counters: packets received and dropped for want of buffer. */
    public LiveCaptureStats captureStats() {
        return capture.stats();
    }

    /** Why capture stopped on its own (the interface went away), or null. */
    public String problem() {
        return capture.problem();
    }

    /** Findings so far; complete once {@link #close()} returned. */
    public List<Finding> findings() {
        return findings.findings();
    }

    public WatchCounters counters() {
        return inspector.counters();
    }

    @Override
    public long frames() {
        return inspector.counters().frames();
    }

    @Override
    public long kernelDrops() {
        return capture.stats().droppedByKernel();
    }

    @Override
    public long interfaceDrops() {
        return capture.stats().droppedByInterface();
    }

    @Override
    public long flows() {
        return inspector.counters().flows();
    }

    @Override
    public long flowsCreated() {
        return inspector.counters().flowsCreated();
    }

    @Override
    public long flowOverflowPackets() {
        return inspector.counters().overflowPackets();
    }

    @Override
    public long cameras() {
        return inspector.counters().cameras();
    }

    /** Stops capturing, lets the watch finish what is in the ring, and closes the capture. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        source.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            pipeline.drainAndStop(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipeline.close();
        } catch (TimeoutException e) {
            pipeline.close();
        } finally {
            capture.close();
            source.release();
        }
    }
}
