package io.airlock.bench;

import io.airlock.codec.Codec;
import io.airlock.codec.h264.H264Depacketizer;
import io.airlock.codec.h265.H265Depacketizer;
import io.airlock.rtp.RtpPacket;
import io.airlock.wire.Rejection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * One op = depacketize the next RTP packet of an H.264 or H.265 camera stream ({@link CameraStream}) into a listener
 * that only consumes what it is told. The packet's sequence number and timestamp are rewritten per lap
 * ({@link PacketRing}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DepacketizeBenchmark {

    @Param({"H264", "H265"})
    public Codec codec;

    @Param({"camera1080p", "recording"})
    public String stream;

    private final H264Depacketizer h264 = new H264Depacketizer();
    private final H265Depacketizer h265 = new H265Depacketizer();
    private PacketRing ring;
    private BlackholeNalListener listener;

    @Setup
    public void setUp(Blackhole blackhole) {
        ring = new PacketRing(codec, stream);
        listener = new BlackholeNalListener(blackhole);
    }

    @Benchmark
    public Rejection depacketizeNextPacket() {
        int i = ring.next();
        int off = ring.offset(i) + RtpPacket.MIN_HEADER_LENGTH;
        int len = ring.length(i) - RtpPacket.MIN_HEADER_LENGTH;
        // the codec is fixed per trial, so this branch is perfectly predicted and costs next to nothing
        if (codec == Codec.H264) {
            return h264.depacketize(ring.sequence(), ring.timestamp(), ring.marker(i), ring.buffer(), off, len, -1,
                    listener);
        }
        return h265.depacketize(ring.sequence(), ring.timestamp(), ring.marker(i), ring.buffer(), off, len, -1,
                listener);
    }
}
