package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.h264.H264Rejection;
import io.airlock.codec.h265.H265Rejection;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class LengthPrefixedNalSplitterTest {

    private final LengthPrefixedNalSplitter splitter = new LengthPrefixedNalSplitter();

    @Test
    void shouldSplitFourByteLengths() {
        byte[] au = AnnexBScannerTest.bytes(0, 0, 0, 2, 0x09, 0xF0, 0, 0, 0, 3, 0x65, 0x88, 0x84);
        RecordingListener out = new RecordingListener(1);
        assertThat(splitter.split(4, Codec.H264, Unpooled.wrappedBuffer(au), 0, au.length, 100, out)).isNull();
        assertThat(out.events).containsExactly("09:f0", "65:8884");
    }

    @Test
    void shouldSplitTwoAndOneByteLengthsForH265() {
        byte[] au = AnnexBScannerTest.bytes(0, 3, 0x40, 0x01, 0x0C, 0, 2, 0x26, 0x01);
        RecordingListener out = new RecordingListener(2);
        assertThat(splitter.split(2, Codec.H265, Unpooled.wrappedBuffer(au), 0, au.length, -1, out)).isNull();
        assertThat(out.events).containsExactly("4001:0c", "2601:");
        byte[] one = AnnexBScannerTest.bytes(2, 0x26, 0x01);
        assertThat(splitter.split(1, Codec.H265, Unpooled.wrappedBuffer(one), 0, 3, -1, out)).isNull();
    }

    @Test
    void shouldKeepUnitsBeforeLengthPastEnd() {
        byte[] au = AnnexBScannerTest.bytes(0, 0, 0, 1, 0x09, 0xFF, 0xFF, 0xFF, 0xFF, 0x65);
        RecordingListener out = new RecordingListener(1);
        assertThat(splitter.split(4, Codec.H264, Unpooled.wrappedBuffer(au), 0, au.length, 0, out))
                .isEqualTo(H264Rejection.NAL_LENGTH_OVERRUN);
        assertThat(out.events).containsExactly("09:");
    }

    @Test
    void shouldRejectBadLengthSizeAndTruncatedLength() {
        byte[] au = AnnexBScannerTest.bytes(0, 0, 1);
        RecordingListener out = new RecordingListener(2);
        assertThat(splitter.split(3, Codec.H265, Unpooled.wrappedBuffer(au), 0, 3, 0, out))
                .isEqualTo(H265Rejection.BAD_NAL_LENGTH_SIZE);
        assertThat(splitter.split(4, Codec.H265, Unpooled.wrappedBuffer(au), 0, 3, 0, out))
                .isEqualTo(H265Rejection.NAL_LENGTH_TRUNCATED);
        byte[] overrun = AnnexBScannerTest.bytes(0, 5, 0x26);
        assertThat(splitter.split(2, Codec.H265, Unpooled.wrappedBuffer(overrun), 0, 3, 0, out))
                .isEqualTo(H265Rejection.NAL_LENGTH_OVERRUN);
    }
}
