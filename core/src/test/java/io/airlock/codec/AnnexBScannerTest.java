package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.wire.RejectionCounters;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class AnnexBScannerTest {

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static RecordingListener scan(Codec codec, byte[] data, int... splits) {
        AnnexBScanner scanner = new AnnexBScanner(codec);
        RecordingListener out = new RecordingListener(codec.nalHeaderLength());
        int from = 0;
        for (int split : splits) {
            scanner.feed(Unpooled.wrappedBuffer(data), from, split - from, from, out);
            from = split;
        }
        scanner.feed(Unpooled.wrappedBuffer(data), from, data.length - from, from, out);
        scanner.finish(out);
        assertThat(out.open()).isFalse();
        return out;
    }

    private static final byte[] STREAM = bytes(
            0x00, 0x00, 0x00, 0x01, 0x67, 0x42, 0x00, 0x1F, // SPS with a zero inside
            0x00, 0x00, 0x01, 0x68, 0xCE, // PPS, 3-byte start code
            0x00, 0x00, 0x00, 0x00, 0x01, 0x65, 0x88, 0x00, 0x00, 0x03, 0x01, 0x00, // IDR, escaped, trailing 00
            0x00, 0x00, 0x01, 0x06, 0xE5, 0x01, 0x3C, 0x80, // HiSilicon SEI
            0x00, 0x00); // trailing zeros

    @Test
    void shouldSplitUnitsAndDropTrailingZeros() {
        RecordingListener out = scan(Codec.H264, STREAM);
        assertThat(out.events).containsExactly("67:42001f", "68:ce", "65:8800000301", "06:e5013c80");
    }

    @Test
    void shouldGiveSameUnitsAtEverySplitPoint() {
        RecordingListener whole = scan(Codec.H264, STREAM);
        for (int i = 0; i <= STREAM.length; i++) {
            for (int j = i; j <= STREAM.length; j += 3) {
                assertThat(scan(Codec.H264, STREAM, i, j).events).as("split %d,%d", i, j).isEqualTo(whole.events);
            }
        }
    }

    @Test
    void shouldReadTwoByteH265HeaderAcrossChunks() {
        byte[] data = bytes(0, 0, 0, 1, 0x40, 0x01, 0x0C, 0, 0, 1, 0x00, 0x01, 0xAB);
        for (int i = 0; i <= data.length; i++) {
            assertThat(scan(Codec.H265, data, i).events).containsExactly("4001:0c", "0001:ab");
        }
    }

    @Test
    void shouldCountLeadingGarbageAndZeroLengthUnits() {
        AnnexBScanner scanner = new AnnexBScanner(Codec.H264);
        RecordingListener out = new RecordingListener(1);
        byte[] data = bytes(0xFF, 0xD8, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x09, 0xF0);
        scanner.feed(Unpooled.wrappedBuffer(data), 0, data.length, 0, out);
        scanner.finish(out);
        RejectionCounters counters = new RejectionCounters();
        scanner.lastRejections(counters);
        assertThat(out.events).containsExactly("09:f0");
        assertThat(counters.count(AnnexBRejection.LEADING_GARBAGE)).isEqualTo(1);
        assertThat(counters.count(AnnexBRejection.ZERO_LENGTH_UNIT)).isEqualTo(1);
    }

    @Test
    void shouldKeepZerosThatAreUnitBytesAcrossChunks() {
        byte[] data = bytes(0, 0, 1, 0x65, 0x11, 0x00, 0x00, 0x02, 0x22);
        for (int i = 0; i <= data.length; i++) {
            assertThat(scan(Codec.H264, data, i).events).containsExactly("65:1100000222");
        }
    }

    @Test
    void shouldSurviveLongZeroRun() {
        byte[] data = new byte[20_000];
        data[2] = 1;
        data[3] = 0x65;
        data[4] = 0x01;
        data[19_999] = 0x07;
        RecordingListener out = scan(Codec.H264, data, 10, 9_000);
        assertThat(out.starts).isEqualTo(1);
        assertThat(out.annexB.size()).isEqualTo(4 + 1 + 19_996);
    }

    @Test
    void shouldCountH265UnitShorterThanItsHeader() {
        AnnexBScanner scanner = new AnnexBScanner(Codec.H265);
        RecordingListener out = new RecordingListener(2);
        byte[] data = bytes(0, 0, 1, 0x40, 0, 0, 1, 0x42, 0x01, 0x01);
        scanner.feed(Unpooled.wrappedBuffer(data), 0, data.length, 0, out);
        scanner.finish(out);
        RejectionCounters counters = new RejectionCounters();
        scanner.lastRejections(counters);
        assertThat(out.events).containsExactly("4201:01");
        assertThat(counters.count(AnnexBRejection.TRUNCATED_HEADER)).isEqualTo(1);
    }
}
