package io.airlock.bench;

import io.airlock.rtp.RtpPacket;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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

import java.util.concurrent.TimeUnit;

/**
 * {@link RtpPacket#wrap} plus every fixed-header field over a 1400-byte FU-A packet in a direct buffer; {@code onvif}
 * adds the ONVIF replay header extension (profile 0xABAC, 3 words) that recorders request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtpHeaderParseBenchmark {

    private static final int PACKET_LENGTH = 1400;
    private static final int ONVIF_PROFILE = 0xABAC;
    private static final int ONVIF_WORDS = 3;

    @Param({"plain", "onvif"})
    public String header;

    private final RtpPacket rtp = new RtpPacket();
    private ByteBuf buffer;

    @Setup
    public void setUp() {
        buffer = Unpooled.directBuffer(PACKET_LENGTH, PACKET_LENGTH);
        boolean extension = "onvif".equals(header);
        buffer.writeByte(0x80 | (extension ? 0x10 : 0));
        buffer.writeByte(96);
        buffer.writeShort(4711);
        buffer.writeInt(0x0012_3450);
        buffer.writeInt((int) CameraStream.SSRC);
        if (extension) {
            buffer.writeShort(ONVIF_PROFILE);
            buffer.writeShort(ONVIF_WORDS);
            buffer.writeLong(0x1122_3344_5566_7788L);
            buffer.writeInt(0x8000_0000);
        }
        buffer.writeByte(0x7C);
        buffer.writeByte(0x05);
        while (buffer.isWritable()) {
            buffer.writeByte(0xA5);
        }
    }

    @Benchmark
    public long wrapAndReadHeader() {
        Rejection r = rtp.wrap(buffer, 0, PACKET_LENGTH);
        if (r != null) {
            return -1;
        }
        long acc = rtp.version() + (rtp.padding() ? 1 : 0) + (rtp.extension() ? 2 : 0) + rtp.csrcCount()
                + (rtp.marker() ? 4 : 0) + rtp.payloadType() + rtp.sequenceNumber() + rtp.timestamp() + rtp.ssrc();
        if (rtp.extension()) {
            acc += rtp.extensionProfile() + rtp.extensionLength();
        }
        return acc + rtp.payloadOffset() + rtp.payloadLength() + rtp.paddingLength();
    }
}
