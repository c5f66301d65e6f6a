package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.RecordingListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class H265DepacketizerTest {

    private final H265Depacketizer depacketizer = new H265Depacketizer();
    private final RecordingListener out = new RecordingListener(2);

    private Object feed(int seq, boolean marker, int... payload) {
        byte[] b = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            b[i] = (byte) payload[i];
        }
        ByteBuf buf = Unpooled.wrappedBuffer(b);
        return depacketizer.depacketize(seq, 9000, marker, buf, 0, b.length, -1, out);
    }

    @Test
    void shouldDeliverSingleNalUnit() {
        assertThat(feed(1, true, 0x26, 0x01, 0xAF, 0x09)).isNull(); // IDR_W_RADL
        assertThat(out.events).containsExactly("2601:af09");
    }

    @Test
    void shouldRebuildTwoByteHeaderFromFu() {
        assertThat(feed(1, false,
                0x62, 0x0B, // PayloadHdr: F=0 type 49, LayerId=1, TID=3
                0x93, // FU header: S=1 type 19 (IDR_W_RADL)
                0xAA)).isNull();
        assertThat(feed(2, true, 0x62, 0x0B, 0x53, 0xBB)).isNull(); // E=1
        // (19 << 9) | (1 << 3) | 3 = 0x260B
        assertThat(out.events).containsExactly("260b:aabb");
        assertThat(H265Nal.type(0x260B)).isEqualTo(H265Nal.IDR_W_RADL);
        assertThat(H265Nal.layerId(0x260B)).isEqualTo(1);
        assertThat(H265Nal.temporalIdPlusOne(0x260B)).isEqualTo(3);
    }

    @Test
    void shouldSplitAggregationPacket() {
        assertThat(feed(1, false,
                0x60, 0x01, // PayloadHdr type 48
                0x00, 0x03, 0x40, 0x01, 0x0C, // VPS, 3 bytes
                0x00, 0x02, 0x42, 0x01)) // SPS header only
                .isNull();
        assertThat(out.events).containsExactly("4001:0c", "4201:");
    }

    @Test
    void shouldCountApUnitShorterThanHeader() {
        assertThat(feed(1, false, 0x60, 0x01, 0x00, 0x01, 0x40, 0x00, 0x02, 0x44, 0x01))
                .isEqualTo(H265Rejection.AP_ZERO_LENGTH_UNIT);
        assertThat(out.events).containsExactly("4401:");
    }

    @Test
    void shouldRejectPaciAndUnspecified() {
        assertThat(feed(1, false, 0x64, 0x01, 0, 0)).isEqualTo(H265Rejection.PACI_UNSUPPORTED);
        assertThat(feed(2, false, 0x7E, 0x01, 0, 0)).isEqualTo(H265Rejection.RESERVED_PACKET_TYPE);
        assertThat(feed(3, false, 0x26)).isEqualTo(H265Rejection.EMPTY_PAYLOAD);
        assertThat(feed(4, false, 0x62, 0x01)).isEqualTo(H265Rejection.FU_TOO_SHORT);
    }

    @Test
    void shouldCloseIncompleteFuOnGapAndIgnoreOrphanEnd() {
        feed(1, false, 0x62, 0x01, 0x93, 0xAA);
        assertThat(feed(3, true, 0x62, 0x01, 0x53, 0xBB)).isEqualTo(H265Rejection.FU_WITHOUT_START);
        assertThat(out.events).containsExactly("2601:aa (incomplete)");
        assertThat(out.open()).isFalse();
    }

    @Test
    void shouldTreatFuWithStartAndEndAsSingle() {
        assertThat(feed(1, false, 0x62, 0x01, 0xC1, 0xAA)).isEqualTo(H265Rejection.FU_START_AND_END);
        assertThat(out.events).containsExactly("0201:aa");
    }
}
