package io.airlock.bench;

import com.lmax.disruptor.dsl.ProducerType;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.codec.Codec;
import io.airlock.inspect.ControlInspector;
import io.airlock.inspect.InspectionContext;
import io.airlock.inspect.MediaInspector;
import io.airlock.inspect.SessionDirectory;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.PacketPublisher;
import io.airlock.pipeline.Track;
import io.airlock.pipeline.WaitStrategies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Per event: publish an H.264 camera RTP packet into the {@link InspectionPipeline}, through the control stage (which
 * ignores media), the media stage (full inspection) and the release stage, on their own threads. An op publishes a
 * batch of {@value #BATCH} events and waits until the last stage has passed them all, so the figure is throughput
 * per event including hand-off, not latency. The machine has 2 cores for 4 threads: compare strategies as ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {

    public static final int BATCH = 1024;
    private static final int RING_SIZE = 4096;

    @Param({"sleeping", "yielding"})
    public String waitStrategy;

    private PacketRing ring;
    private InspectionPipeline pipeline;
    private PacketPublisher publisher;
    private Track track;

    @Setup
    public void setUp() {
        ring = new PacketRing(Codec.H264, "camera1080p", BATCH);
        SessionDirectory directory = new SessionDirectory();
        ControlInspector control = new ControlInspector(
                new InspectionContext(new FindingTable(FindingSink.NONE, 10_000)), directory, "bench");
        MediaInspector media = new MediaInspector(
                new InspectionContext(new FindingTable(FindingSink.NONE, 10_000)), directory, "bench");
        pipeline = new InspectionPipeline(RING_SIZE, WaitStrategies.byName(waitStrategy), ProducerType.SINGLE,
                List.of(control, media));
        publisher = pipeline.publisher();
        track = new Track("bench", 0, null, Codec.H264);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishBatch() {
        for (int n = 0; n < BATCH; n++) {
            int i = ring.next();
            long seq = publisher.claim(PacketKind.RTP, ring.buffer(), ring.offset(i), ring.length(i), false);
            publisher.event(seq).track(track);
            publisher.publish(seq);
        }
        long capacity = pipeline.capacity();
        while (publisher.remainingCapacity() < capacity) {
            Thread.onSpinWait();
        }
        return publisher.published();
    }

    @TearDown
    public void tearDown() {
        pipeline.close();
        if (pipeline.handlerFailures() > 0) {
            throw new IllegalStateException("handler failures: " + pipeline.firstFailure());
        }
    }
}
