package io.airlock.bench;

import io.airlock.codec.Codec;
import io.airlock.codec.SeiReader;
import io.airlock.codec.SeiWriter;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One op = {@link SeiReader} over one SEI NAL unit as the NAL inspector reads it: every message's type and size, the
 * UUID of user_data_unregistered, and the first 64 unescaped payload bytes (the evidence copy).
 * {@code x264}: a ~600-byte user_data_unregistered with x264's UUID and option string, whose binary tail holds
 * {@code 00 00 0x} runs so the NAL carries emulation prevention bytes. {@code hisilicon264}/{@code hisilicon265}: the
 * SEI 229 units from the committed HiSilicon recordings (H.265: 229 plus an unknown-UUID message).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeiScanBenchmark {

    private static final long X264_UUID_MSB = 0xdc45e9bde6d948b7L;
    private static final long X264_UUID_LSB = 0x962cd820d923eeefL;
    private static final int X264_TEXT_LENGTH = 560;
    private static final int EVIDENCE_BYTES = 64;

    @Param({"x264", "hisilicon264", "hisilicon265"})
    public String sei;

    private final SeiReader reader = new SeiReader();
    private final byte[] evidence = new byte[EVIDENCE_BYTES];
    private ByteBuf buffer;
    private Codec codec;
    private int headerLength;
    private int escapes;

    @Setup
    public void setUp() {
        byte[] nal;
        if ("x264".equals(sei)) {
            codec = Codec.H264;
            nal = new SeiWriter(codec).userDataUnregistered(X264_UUID_MSB, X264_UUID_LSB, x264Payload()).toNal();
        } else {
            codec = "hisilicon265".equals(sei) ? Codec.H265 : Codec.H264;
            nal = firstSei(codec, "hisilicon265".equals(sei) ? "h265/hisilicon-sei229.h265"
                    : "h264/hisilicon-sei229.h264");
        }
        headerLength = codec.nalHeaderLength();
        for (int i = 2; i < nal.length; i++) {
            if (nal[i] == 3 && nal[i - 1] == 0 && nal[i - 2] == 0) {
                escapes++;
            }
        }
        buffer = Unpooled.directBuffer(nal.length, nal.length).writeBytes(nal);
    }

    private static byte[] x264Payload() {
        StringBuilder text = new StringBuilder("x264 - core 164 r3095 baee400 - H.264/MPEG-4 AVC codec - Copyleft "
                + "2003-2022 - http://www.videolan.org/x264.html - options: cabac=1 ref=3 deblock=1:0:0 analyse=0x3:"
                + "0x113 me=hex subme=7 psy=1 psy_rd=1.00:0.00 mixed_ref=1 me_range=16 chroma_me=1 trellis=1 8x8dct=1"
                + " cqm=0 deadzone=21,11 fast_pskip=1 chroma_qp_offset=-2 threads=6 lookahead_threads=1 sliced_"
                + "threads=0 nr=0 decimate=1 interlaced=0 bluray_compat=0 constrained_intra=0 bframes=3 b_pyramid=2");
        while (text.length() < X264_TEXT_LENGTH) {
            text.append(" rc=crf mbtree=1 crf=23.0 qcomp=0.60 qpmin=0 qpmax=69 qpstep=4");
        }
        text.setLength(X264_TEXT_LENGTH);
        byte[] ascii = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[ascii.length + 24];
        System.arraycopy(ascii, 0, payload, 0, ascii.length);
        for (int i = ascii.length; i < payload.length; i += 3) {
            payload[i] = 0;
            payload[i + 1] = 0;
            payload[i + 2] = (byte) (i % 4);
        }
        return payload;
    }

    private static byte[] firstSei(Codec codec, String file) {
        for (byte[] nal : SyntheticSlices.nals(BenchFiles.read(file))) {
            int type = codec == Codec.H265 ? (nal[0] >> 1) & 0x3F : nal[0] & 0x1F;
            boolean sei = codec == Codec.H265 ? type == 39 : type == 6;
            if (sei && containsType229(codec, nal)) {
                return nal;
            }
        }
        throw new IllegalStateException(file + ": no SEI 229");
    }

    private static boolean containsType229(Codec codec, byte[] nal) {
        SeiReader r = new SeiReader();
        int h = codec.nalHeaderLength();
        r.wrap(codec, Unpooled.wrappedBuffer(nal), h, nal.length - h);
        while (r.next()) {
            if (r.payloadType() == 229) {
                return true;
            }
        }
        return false;
    }

    /** Emulation prevention bytes in the unit (for the record). */
    public int escapes() {
        return escapes;
    }

    @Benchmark
    public long scan() {
        if (reader.wrap(codec, buffer, headerLength, buffer.writerIndex() - headerLength) != null) {
            return -1;
        }
        long acc = 0;
        while (reader.next()) {
            acc += reader.payloadType() + reader.payloadSize();
            if (reader.isUserDataUnregistered()) {
                acc ^= reader.uuidMostSignificantBits() ^ reader.uuidLeastSignificantBits();
            }
            acc += reader.copyPayload(evidence, EVIDENCE_BYTES);
        }
        return reader.rejection() == null ? acc : -acc;
    }
}
