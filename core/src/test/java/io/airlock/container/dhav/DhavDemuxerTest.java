package io.airlock.container.dhav;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DhavDemuxerTest {

    static final byte[] IDR = {0, 0, 0, 1, 0x67, 0x42, 0, 0x1F, 0, 0, 0, 1, 0x68, (byte) 0xCE, 0x3C, (byte) 0x80,
        0, 0, 0, 1, 0x65, (byte) 0x88, (byte) 0x84, 0x21, 0x22, 0x23};
    static final byte[] P = {0, 0, 0, 1, 0x41, (byte) 0x9A, 0x02, 0x03};
    static final byte[] AUX = {'D', 'H', 'A', 'V', 0x01, 0x02, 0, 0, 0, 1, 0x42};

    static byte[] smallStream() {
        return new DhavWriter().fileHeader().videoFrame(IDR, true, Codec.H264, 704, 576, 25)
                .assistantFrame(AUX).videoFrame(P, false, Codec.H264, 704, 576, 25).toByteArray();
    }

    static RecordingDhavListener demux(byte[] data, int... splits) {
        RecordingDhavListener l = new RecordingDhavListener();
        DhavDemuxer d = new DhavDemuxer(l);
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        int from = 0;
        for (int s : splits) {
            d.feed(buf, from, s - from, from);
            from = s;
        }
        d.feed(buf, from, data.length - from, from);
        d.finish();
        return l;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A hand-written I-frame as FFmpeg's dhav.c reads it: extensions 0x80 and 0x81, tail "dhav" + length. */
    @Test
    void shouldParseDahuaIFrameWithSizeAndCodecExtensions() {
        byte[] frame = {
            'D', 'H', 'A', 'V',                          // magic
            (byte) 0xFD, 0x00, 0x00, 0x00,               // type I-frame, subtype, channel, frame_subnumber
            0x07, 0x00, 0x00, 0x00,                      // frame_number 7 (LE)
            0x2C, 0x00, 0x00, 0x00,                      // frame_length 44 = 24 + 8 ext + 4 payload + 8 tail
            0x45, 0x10, 0x43, 0x60,                      // date bits (LE): 2024-01-02 04:01:05
            0x28, 0x00,                                  // timestamp 40 ms (LE)
            0x08,                                        // ext_length 8
            0x00,                                        // checksum (not verified)
            (byte) 0x80, 0x00, 0x58, 0x48,               // ext 0x80: width/8 = 88 -> 704, height/8 = 72 -> 576
            (byte) 0x81, 0x00, 0x02, 0x19,               // ext 0x81: codec 2 (H.264), 25 fps
            0x00, 0x00, 0x01, 0x65,                      // payload: start of an IDR slice
            'd', 'h', 'a', 'v', 0x2C, 0x00, 0x00, 0x00}; // tail: "dhav" + frame_length
        RecordingDhavListener l = demux(frame);
        assertThat(l.rejections).isEmpty();
        assertThat(l.events).containsExactly(
                "frame fd #7 len=44 date=60431045 ts=40 @0",
                "ext 80 known=true 80005848",
                "ext 81 known=true 81000219",
                "video codec=2 704x576@25",
                "end tailOk=true payload=00000165");
        assertThat(DhavDemuxer.probe(Unpooled.wrappedBuffer(frame), 0, frame.length)).isTrue();
    }

    @Test
    void shouldRoundTripWriterOutputAtEverySplitPoint() {
        byte[] data = smallStream();
        RecordingDhavListener whole = demux(data);
        assertThat(whole.rejections).isEmpty();
        assertThat(whole.video.toByteArray()).isEqualTo(concat(IDR, P));
        assertThat(whole.events).contains("file @0", "video codec=2 704x576@25");
        for (int split = 0; split <= data.length; split++) {
            assertThat(demux(data, split).events).as("split %d", split).isEqualTo(whole.events);
        }
        for (int a = 1000; a < data.length; a += 3) {
            for (int b = a; b <= data.length; b += 4) {
                assertThat(demux(data, a, b).events).as("splits %d,%d", a, b).isEqualTo(whole.events);
            }
        }
    }

    @Test
    void shouldReportAssistantFramesWithoutScanningTheirPayload() {
        RecordingDhavListener l = demux(smallStream());
        assertThat(l.events).filteredOn(e -> e.startsWith("frame ")).extracting(e -> e.substring(0, 8))
                .containsExactly("frame fd", "frame f1", "frame fc");
        assertThat(l.events).contains("end tailOk=true payload=4448415601020000000142");
    }

    @Test
    void shouldReportUnknownExtensionAndSkipRestOfArea() {
        byte[] data = new DhavWriter().unknownExtension(0xEE).videoFrame(IDR, true, Codec.H265, 1920, 1080, 30)
                .toByteArray();
        RecordingDhavListener l = demux(data);
        assertThat(l.rejections).isEmpty();
        assertThat(l.events).contains("ext ee known=false ee010203", "video codec=12 1920x1080@30");
        assertThat(l.video.toByteArray()).isEqualTo(IDR);
    }

    @Test
    void shouldCountTailMismatch() {
        byte[] data = new DhavWriter().videoFrame(IDR, true, Codec.H264, 640, 480, 25)
                .videoFrame(P, false, Codec.H264, 640, 480, 25).toByteArray();
        int firstEnd = 24 + 8 + IDR.length + 8;
        data[firstEnd - 8] = 'D';
        RecordingDhavListener l = demux(data);
        assertThat(l.rejections).containsExactly(DhavRejection.TAIL_MISMATCH);
        assertThat(l.events).filteredOn(e -> e.startsWith("end")).extracting(e -> e.substring(0, 13))
                .containsExactly("end tailOk=fa", "end tailOk=tr");
    }

    @Test
    void shouldRejectFrameLengthFourGigabytesAndResync() {
        byte[] good = new DhavWriter().videoFrame(P, false, Codec.H264, 640, 480, 25).toByteArray();
        byte[] bad = good.clone();
        bad[12] = (byte) 0xFF;
        bad[13] = (byte) 0xFF;
        bad[14] = (byte) 0xFF;
        bad[15] = (byte) 0xFF;
        RecordingDhavListener l = demux(concat(bad, good));
        assertThat(l.rejections).containsExactly(DhavRejection.FRAME_TOO_LONG);
        assertThat(l.video.toByteArray()).isEqualTo(P);
        assertThat(l.starts).isEqualTo(1);
    }

    @Test
    void shouldRejectFrameLengthBelowHeaderAndTail() {
        byte[] good = new DhavWriter().videoFrame(P, false, Codec.H264, 640, 480, 25).toByteArray();
        byte[] bad = good.clone();
        bad[12] = 23;
        RecordingDhavListener l = demux(concat(bad, good), 10);
        assertThat(l.rejections).containsExactly(DhavRejection.FRAME_TOO_SHORT);
        assertThat(l.video.toByteArray()).isEqualTo(P);
    }

    @Test
    void shouldReportLostSyncAndResyncAfterGarbage() {
        byte[] one = new DhavWriter().videoFrame(P, false, Codec.H264, 640, 480, 25).toByteArray();
        byte[] garbage = {'D', 'H', 'x', 0, 0, 0, 1, 'D'};
        RecordingDhavListener l = new RecordingDhavListener();
        DhavDemuxer d = new DhavDemuxer(l);
        byte[] data = concat(concat(one, garbage), one);
        d.feed(Unpooled.wrappedBuffer(data), 0, data.length, 0);
        assertThat(d.skippedBytes()).isEqualTo(garbage.length);
        d.finish();
        assertThat(l.rejections).containsExactly(DhavRejection.LOST_SYNC);
        assertThat(l.video.toByteArray()).isEqualTo(concat(P, P));
    }

    @Test
    void shouldReportTruncatedFrameAndKeepEverythingBefore() {
        byte[] data = smallStream();
        for (int cut = 1; cut < data.length; cut++) {
            RecordingDhavListener l = demux(Arrays.copyOf(data, cut));
            assertThat(l.open).as("cut %d", cut).isZero();
            assertThat(l.rejections).as("cut %d", cut).hasSizeLessThanOrEqualTo(1);
        }
        RecordingDhavListener l = demux(Arrays.copyOf(data, data.length - 3));
        assertThat(l.rejections).containsExactly(DhavRejection.TRUNCATED_FRAME);
        assertThat(l.video.toByteArray()).isEqualTo(concat(IDR, P));
    }

    @Test
    void shouldProbeDahuaAndDhavWithKnownTypes() {
        assertThat(DhavDemuxer.probe(Unpooled.wrappedBuffer(smallStream()), 0, 5)).isTrue();
        byte[] unknownType = {'D', 'H', 'A', 'V', 0x12};
        assertThat(DhavDemuxer.probe(Unpooled.wrappedBuffer(unknownType), 0, 5)).isFalse();
        assertThat(DhavDemuxer.probe(Unpooled.wrappedBuffer(unknownType), 0, 4)).isFalse();
    }
}
