package io.airlock.bench;

import io.airlock.metrics.LatencyHistogram;
import io.airlock.metrics.SingleWriterCounter;
import io.airlock.rtp.RtpReception;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the metrics add per packet on the proxy's threads. {@code arrival}: the camera loop's share, RTP reception
 * statistics (RFC 3550 A.1 sequence tracking, A.8 jitter once per frame) plus the inbound packet and byte counts, over
 * a 25 fps stream of 15 packets per frame. {@code volatileCount} is how the egress counted before (a volatile
 * read-modify-write, one fence per packet) and {@code releaseCount} how it counts now ({@link SingleWriterCounter}).
 * {@code latencyRecord} is the egress stage's histogram record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsCostBenchmark {

    private static final int PACKETS_PER_FRAME = 15;
    private static final long FRAME_TICKS = 3600;
    private static final long PACKET_NANOS = 40_000_000L / PACKETS_PER_FRAME;
    private static final int PACKET_BYTES = 1400;

    private final RtpReception reception = new RtpReception();
    private final SingleWriterCounter packets = new SingleWriterCounter();
    private final SingleWriterCounter bytes = new SingleWriterCounter();
    private final SingleWriterCounter released = new SingleWriterCounter();
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile long volatileCount;
    private int sequence;
    private long arrival;

    @Benchmark
    public long arrival() {
        int seq = sequence++;
        arrival += PACKET_NANOS;
        reception.onPacket(seq, (seq / PACKETS_PER_FRAME) * FRAME_TICKS, arrival);
        packets.increment();
        bytes.add(PACKET_BYTES);
        return reception.jitter();
    }

    @Benchmark
    public long volatileCount() {
        volatileCount = volatileCount + 1;
        return volatileCount;
    }

    @Benchmark
    public long releaseCount() {
        released.increment();
        return released.get();
    }

    @Benchmark
    public long latencyRecord() {
        arrival += 997;
        latency.record(arrival & 0xFFFFF);
        return latency.count();
    }
}
