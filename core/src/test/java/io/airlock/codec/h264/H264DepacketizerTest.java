package io.airlock.codec.h264;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.RecordingListener;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class H264DepacketizerTest {

    private final RejectionCounters counters = new RejectionCounters();
    private final H264Depacketizer depacketizer = new H264Depacketizer(counters);
    private final RecordingListener out = new RecordingListener(1);

    private static ByteBuf buf(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Unpooled.wrappedBuffer(b);
    }

    private Object feed(int seq, boolean marker, int... payload) {
        ByteBuf b = buf(payload);
        return depacketizer.depacketize(seq, 1000, marker, b, 0, b.capacity(), 0, out);
    }

    @Test
    void shouldDeliverSingleNalUnit() {
        assertThat(feed(1, true, 0x65, 0x88, 0x84)).isNull();
        assertThat(out.events).containsExactly("65:8884");
        assertThat(out.accessUnits).isEqualTo(1);
    }

    @Test
    void shouldSplitStapA() {
        assertThat(feed(1, false,
                0x18, // STAP-A
                0x00, 0x03, 0x67, 0x42, 0x00, // SPS, 3 bytes
                0x00, 0x02, 0x68, 0xCE)) // PPS, 2 bytes
                .isNull();
        assertThat(out.events).containsExactly("67:4200", "68:ce");
    }

    @Test
    void shouldCountAndSkipZeroLengthUnitInStapA() {
        assertThat(feed(1, false,
                0x18, // STAP-A
                0x00, 0x00, // zero-length unit
                0x00, 0x02, 0x68, 0xCE)) // PPS
                .isEqualTo(H264Rejection.STAP_ZERO_LENGTH_UNIT);
        assertThat(out.events).containsExactly("68:ce");
        assertThat(counters.count(H264Rejection.STAP_ZERO_LENGTH_UNIT)).isEqualTo(1);
    }

    @Test
    void shouldRejectStapUnitPastEnd() {
        assertThat(feed(1, false, 0x18, 0x00, 0x02, 0x68, 0xCE, 0x00, 0x09, 0x65))
                .isEqualTo(H264Rejection.STAP_UNIT_OVERRUN);
        assertThat(out.events).containsExactly("68:ce");
    }

    @Test
    void shouldReassembleFuAWithRebuiltHeader() {
        assertThat(feed(1, false, 0x7C, 0x85, 0xAA)).isNull(); // indicator NRI=3 type 28, S=1 type 5
        assertThat(feed(2, false, 0x7C, 0x05, 0xBB)).isNull(); // middle
        assertThat(feed(3, true, 0x7C, 0x45, 0xCC)).isNull(); // E=1
        assertThat(out.events).containsExactly("65:aabbcc");
        assertThat(out.accessUnits).isEqualTo(1);
    }

    /** CostarHD cameras wrap whole NAL units in one FU-A with both S and E set. */
    @Test
    void costarHdFuAWithStartAndEnd() {
        assertThat(feed(1, true,
                0x7C, // FU indicator: NRI=3, type 28
                0xC1, // FU header: S=1 E=1 type 1
                0x9A, 0x02)) // slice bytes
                .isEqualTo(H264Rejection.FU_START_AND_END);
        assertThat(out.events).containsExactly("61:9a02");
        assertThat(depacketizer.unitOpen()).isFalse();
    }

    @Test
    void shouldDropFuEndWithoutStart() {
        assertThat(feed(1, false, 0x7C, 0x45, 0xCC)).isEqualTo(H264Rejection.FU_WITHOUT_START);
        assertThat(out.events).isEmpty();
    }

    @Test
    void shouldCloseOpenUnitIncompleteOnSequenceGap() {
        feed(10, false, 0x7C, 0x85, 0xAA);
        assertThat(feed(12, false, 0x7C, 0x05, 0xBB)).isEqualTo(H264Rejection.FU_WITHOUT_START);
        assertThat(out.events).containsExactly("65:aa (incomplete)");
        assertThat(counters.count(H264Rejection.SEQUENCE_GAP)).isEqualTo(1);
    }

    @Test
    void shouldHandleFuOutOfOrder() {
        feed(1, false, 0x7C, 0x85, 0xAA);
        feed(3, true, 0x7C, 0x45, 0xCC); // arrives before 2
        feed(2, false, 0x7C, 0x05, 0xBB);
        assertThat(out.events).containsExactly("65:aa (incomplete)");
        assertThat(out.open()).isFalse();
    }

    @Test
    void shouldEndOpenUnitWhenNewStartArrives() {
        feed(1, false, 0x7C, 0x85, 0xAA);
        assertThat(feed(2, false, 0x7C, 0x81, 0xBB)).isEqualTo(H264Rejection.FU_NOT_ENDED);
        feed(3, false, 0x7C, 0x41, 0xCC);
        assertThat(out.events).containsExactly("65:aa (incomplete)", "61:bbcc");
    }

    @Test
    void shouldWrapSequenceNumber() {
        feed(65535, false, 0x7C, 0x85, 0xAA);
        assertThat(feed(0, true, 0x7C, 0x45, 0xCC)).isNull();
        assertThat(out.events).containsExactly("65:aacc");
    }

    @Test
    void shouldRejectInterleavedAndReservedTypes() {
        assertThat(feed(1, false, 0x19, 0, 0)).isEqualTo(H264Rejection.INTERLEAVED_UNSUPPORTED);
        assertThat(feed(2, false, 0x1A, 0, 0)).isEqualTo(H264Rejection.INTERLEAVED_UNSUPPORTED);
        assertThat(feed(3, false, 0x1B, 0, 0)).isEqualTo(H264Rejection.INTERLEAVED_UNSUPPORTED);
        assertThat(feed(4, false, 0x1D, 0, 0)).isEqualTo(H264Rejection.INTERLEAVED_UNSUPPORTED);
        assertThat(feed(5, false, 0x00, 0)).isEqualTo(H264Rejection.RESERVED_PACKET_TYPE);
        assertThat(feed(6, false, 0x1E, 0)).isEqualTo(H264Rejection.RESERVED_PACKET_TYPE);
        assertThat(feed(7, false, 0x1F, 0)).isEqualTo(H264Rejection.RESERVED_PACKET_TYPE);
        assertThat(feed(8, false)).isEqualTo(H264Rejection.EMPTY_PAYLOAD);
        assertThat(out.events).isEmpty();
    }

    @Test
    void shouldCloseFuWhenTimestampChanges() {
        ByteBuf start = buf(0x7C, 0x85, 0xAA);
        depacketizer.depacketize(1, 1000, false, start, 0, 3, 0, out);
        ByteBuf end = buf(0x7C, 0x45, 0xCC);
        assertThat(depacketizer.depacketize(2, 4000, true, end, 0, 3, 0, out))
                .isEqualTo(H264Rejection.FU_WITHOUT_START);
        assertThat(counters.count(H264Rejection.FU_TIMESTAMP_CHANGE)).isEqualTo(1);
        assertThat(out.events).containsExactly("65:aa (incomplete)");
    }

    @Test
    void shouldEndOpenUnitOnReset() {
        feed(1, false, 0x7C, 0x85, 0xAA);
        depacketizer.reset();
        assertThat(out.events).containsExactly("65:aa (incomplete)");
        assertThat(feed(9, false, 0x41, 0x01)).isNull();
    }
}
