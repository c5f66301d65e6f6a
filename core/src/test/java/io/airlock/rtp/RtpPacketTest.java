package io.airlock.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private final RtpPacket rtp = new RtpPacket();

    private static ByteBuf buf(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Unpooled.wrappedBuffer(b);
    }

    @Test
    void shouldParseFixedHeader() {
        ByteBuf b = buf(
                0x80, // V=2 P=0 X=0 CC=0
                0xE0, // M=1 PT=96
                0x12, 0x34, // sequence 4660
                0xDE, 0xAD, 0xBE, 0xEF, // timestamp
                0xCA, 0xFE, 0xBA, 0xBE, // SSRC
                0x65, 0x88); // payload
        assertThat(rtp.wrap(b, 0, b.capacity())).isNull();
        assertThat(rtp.version()).isEqualTo(2);
        assertThat(rtp.marker()).isTrue();
        assertThat(rtp.payloadType()).isEqualTo(96);
        assertThat(rtp.sequenceNumber()).isEqualTo(0x1234);
        assertThat(rtp.timestamp()).isEqualTo(0xDEADBEEFL);
        assertThat(rtp.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(rtp.payloadOffset()).isEqualTo(12);
        assertThat(rtp.payloadLength()).isEqualTo(2);
        assertThat(rtp.extensionProfile()).isEqualTo(-1);
    }

    @Test
    void shouldParseCsrcExtensionAndPadding() {
        ByteBuf b = buf(
                0xB1, // V=2 P=1 X=1 CC=1
                0x60, // PT=96
                0, 1, 0, 0, 0, 2, 0, 0, 0, 3, // seq, ts, ssrc
                0x11, 0x22, 0x33, 0x44, // CSRC[0]
                0xBE, 0xDE, 0x00, 0x01, // extension profile, 1 word
                0x11, 0xAA, 0xBB, 0x00, // one-byte element id 1 len 2, padding
                0x41, 0x42, // payload
                0x00, 0x00, 0x03); // padding, count 3
        assertThat(rtp.wrap(b, 0, b.capacity())).isNull();
        assertThat(rtp.csrcCount()).isEqualTo(1);
        assertThat(rtp.csrc(0)).isEqualTo(0x11223344L);
        assertThat(rtp.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(rtp.extensionOffset()).isEqualTo(20);
        assertThat(rtp.extensionLength()).isEqualTo(4);
        assertThat(rtp.payloadOffset()).isEqualTo(24);
        assertThat(rtp.payloadLength()).isEqualTo(2);
        assertThat(rtp.paddingLength()).isEqualTo(3);
        HeaderExtension ext = new HeaderExtension();
        assertThat(ext.wrap(rtp)).isNull();
        assertThat(ext.next()).isTrue();
        assertThat(ext.id()).isEqualTo(1);
        assertThat(ext.elementOffset()).isEqualTo(21);
        assertThat(ext.elementLength()).isEqualTo(2);
        assertThat(ext.next()).isFalse();
        assertThat(ext.rejection()).isNull();
    }

    @Test
    void shouldRejectShortAndBadVersion() {
        assertThat(rtp.wrap(buf(0x80, 0x60, 0, 1), 0, 4)).isEqualTo(RtpRejection.TOO_SHORT);
        assertThat(rtp.wrap(buf(0x40, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), 0, 12))
                .isEqualTo(RtpRejection.BAD_VERSION);
    }

    @Test
    void shouldRejectCsrcOverrun() {
        ByteBuf b = buf(0x8F, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4); // CC=15, one CSRC present
        assertThat(rtp.wrap(b, 0, b.capacity())).isEqualTo(RtpRejection.CSRC_OVERRUN);
    }

    @Test
    void shouldRejectExtensionLengthPastEnd() {
        ByteBuf b = buf(0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                0xBE, 0xDE, 0xFF, 0xFF, // 65535 words claimed
                0, 0, 0, 0);
        assertThat(rtp.wrap(b, 0, b.capacity())).isEqualTo(RtpRejection.EXTENSION_OVERRUN);
        ByteBuf headerOnly = buf(0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE);
        assertThat(rtp.wrap(headerOnly, 0, headerOnly.capacity())).isEqualTo(RtpRejection.EXTENSION_OVERRUN);
    }

    @Test
    void shouldRejectPaddingLongerThanPayload() {
        ByteBuf b = buf(0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 0x05);
        assertThat(rtp.wrap(b, 0, b.capacity())).isEqualTo(RtpRejection.PADDING_OVERRUN);
    }

    @Test
    void shouldRejectZeroPadding() {
        ByteBuf b = buf(0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 0x00);
        assertThat(rtp.wrap(b, 0, b.capacity())).isEqualTo(RtpRejection.ZERO_PADDING);
    }

    @Test
    void shouldRespectOffsetAndLengthWindow() {
        ByteBuf b = buf(0xFF, 0xFF, 0x80, 0x60, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2, 0x41, 0x99);
        assertThat(rtp.wrap(b, 2, 13)).isNull();
        assertThat(rtp.sequenceNumber()).isEqualTo(7);
        assertThat(rtp.payloadOffset()).isEqualTo(14);
        assertThat(rtp.payloadLength()).isEqualTo(1);
        assertThat(rtp.wrap(b, 2, 15)).isEqualTo(RtpRejection.TOO_SHORT);
    }

    @Test
    void shouldDetectMultiplexedRtcp() {
        assertThat(RtpPacket.isRtcp(buf(0x80, 200, 0, 6), 0, 4)).isTrue(); // SR
        assertThat(RtpPacket.isRtcp(buf(0x81, 201, 0, 1), 0, 4)).isTrue(); // RR
        assertThat(RtpPacket.isRtcp(buf(0x80, 0xE0, 0, 1), 0, 4)).isFalse(); // marker + PT 96
        assertThat(RtpPacket.isRtcp(buf(0x80, 0x60, 0, 1), 0, 4)).isFalse();
    }
}
