package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeiReaderTest {

    private final SeiReader sei = new SeiReader();

    private static ByteBuf buf(int... v) {
        return Unpooled.wrappedBuffer(AnnexBScannerTest.bytes(v));
    }

    /** HiSilicon VENC: H.264 SEI payloadType 229, size 1, between PPS and IDR (threat-signatures §2.3). */
    @Test
    void hisiliconH264Type229() {
        ByteBuf b = buf(
                0xE5, // payloadType 229
                0x01, // payloadSize 1
                0x3C, // payload
                0x80); // rbsp_trailing_bits
        assertThat(sei.wrap(Codec.H264, b, 0, 4)).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(229);
        assertThat(sei.payloadSize()).isEqualTo(1);
        assertThat(sei.payloadOffsetEscaped()).isEqualTo(2);
        byte[] dst = new byte[8];
        assertThat(sei.copyPayload(dst, 8)).isEqualTo(1);
        assertThat(dst[0]).isEqualTo((byte) 0x3C);
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isNull();
    }

    /** HiSilicon H.265 prefix SEI (type 39) with payloadType 229 size 4, from a HiSilicon camera capture. */
    @Test
    void hisiliconH265PrefixSeiType229() {
        ByteBuf b = buf(
                0xE5, // payloadType 229
                0x04, // payloadSize 4
                0x61, 0x0C, 0x00, 0x00, // payload
                0x80); // rbsp_trailing_bits
        assertThat(sei.wrap(Codec.H265, b, 0, b.capacity())).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(229);
        assertThat(sei.payloadSize()).isEqualTo(4);
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isNull();
    }

    @Test
    void shouldReadX264UserDataUnregistered() {
        byte[] text = "x264 - core 164".getBytes(StandardCharsets.US_ASCII);
        byte[] rbsp = new byte[2 + 16 + text.length + 1];
        rbsp[0] = 5;
        rbsp[1] = (byte) (16 + text.length);
        byte[] uuid = AnnexBScannerTest.bytes(0xdc, 0x45, 0xe9, 0xbd, 0xe6, 0xd9, 0x48, 0xb7,
                0x96, 0x2c, 0xd8, 0x20, 0xd9, 0x23, 0xee, 0xef);
        System.arraycopy(uuid, 0, rbsp, 2, 16);
        System.arraycopy(text, 0, rbsp, 18, text.length);
        rbsp[rbsp.length - 1] = (byte) 0x80;
        assertThat(sei.wrap(Codec.H264, Unpooled.wrappedBuffer(rbsp), 0, rbsp.length)).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.isUserDataUnregistered()).isTrue();
        assertThat(sei.uuidMostSignificantBits()).isEqualTo(0xdc45e9bde6d948b7L);
        assertThat(sei.uuidLeastSignificantBits()).isEqualTo(0x962cd820d923eeefL);
        byte[] dst = new byte[64];
        int n = sei.copyPayload(dst, 64);
        assertThat(new String(dst, 0, n, StandardCharsets.US_ASCII)).isEqualTo("x264 - core 164");
        assertThat(sei.copyPayload(dst, 4)).isEqualTo(4);
        assertThat(sei.next()).isFalse();
    }

    @Test
    void shouldRemoveEmulationPreventionInsidePayload() {
        ByteBuf b = buf(
                0xF0, // payloadType 240
                0x06, // payloadSize 6 (unescaped)
                0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x03, 0x02, // escaped 00 00 01 00 00 02
                0x80);
        assertThat(sei.wrap(Codec.H264, b, 0, b.capacity())).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadSize()).isEqualTo(6);
        byte[] dst = new byte[6];
        assertThat(sei.copyPayload(dst, 6)).isEqualTo(6);
        assertThat(dst).containsExactly(0, 0, 1, 0, 0, 2);
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isNull();
    }

    @Test
    void shouldReadFfExtendedTypeAndSeveralMessages() {
        ByteBuf b = buf(
                0xFF, 0x0B, // payloadType 255 + 11 = 266
                0x01, 0xAA, // size 1, payload
                0x80, 0x00, // payloadType 128 (Dahua), size 0: not trailing bits
                0x80); // rbsp_trailing_bits
        assertThat(sei.wrap(Codec.H265, b, 0, b.capacity())).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(266);
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(128);
        assertThat(sei.payloadSize()).isZero();
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isNull();
    }

    @Test
    void shouldRejectSizePastEndButKeepEarlierMessages() {
        ByteBuf b = buf(0x06, 0x01, 0x00, 0x05, 0x09, 0x01, 0x02);
        assertThat(sei.wrap(Codec.H264, b, 0, b.capacity())).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(6);
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isEqualTo(SeiRejection.SIZE_OVERRUN);
    }

    @Test
    void shouldRejectHugeSizeClaim() {
        byte[] rbsp = new byte[1 + 20_000 + 1];
        rbsp[0] = 5;
        java.util.Arrays.fill(rbsp, 1, 20_001, (byte) 0xFF); // size keeps growing and never terminates
        assertThat(sei.wrap(Codec.H264, Unpooled.wrappedBuffer(rbsp), 0, rbsp.length)).isNull();
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isEqualTo(SeiRejection.SIZE_OVERRUN);
        ByteBuf fourGb = buf(0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0x00);
        assertThat(sei.wrap(Codec.H264, fourGb, 0, fourGb.capacity())).isNull();
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isEqualTo(SeiRejection.SIZE_OVERRUN);
    }

    @Test
    void shouldRejectTruncatedHeaderAndEmptySei() {
        assertThat(sei.wrap(Codec.H264, buf(0xFF, 0xFF), 0, 2)).isNull();
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isEqualTo(SeiRejection.TRUNCATED);
        assertThat(sei.wrap(Codec.H264, buf(0x80), 0, 1)).isNull();
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isEqualTo(SeiRejection.EMPTY);
    }
}
