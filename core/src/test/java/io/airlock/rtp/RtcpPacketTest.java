package io.airlock.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtcpPacketTest {

    private final RtcpPacket rtcp = new RtcpPacket();

    private static ByteBuf buf(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Unpooled.wrappedBuffer(b);
    }

    private static final int[] SR_SDES = {
        0x80, 200, 0x00, 0x06, // V=2 SC=0 SR, length 6 words
        0x12, 0x34, 0x56, 0x78, // SSRC of sender
        0xE4, 0x5B, 0x0C, 0x80, 0x40, 0x00, 0x00, 0x00, // NTP timestamp
        0x00, 0x01, 0x5F, 0x90, // RTP timestamp 90000
        0x00, 0x00, 0x00, 0x0A, // packet count 10
        0x00, 0x00, 0x10, 0x00, // octet count 4096
        0x81, 202, 0x00, 0x02, // V=2 SC=1 SDES, length 2 words
        0x12, 0x34, 0x56, 0x78, // SSRC/CSRC
        0x01, 0x01, 0x41, 0x00, // CNAME "A", end
    };

    @Test
    void shouldIterateSenderReportAndSdes() {
        ByteBuf b = buf(SR_SDES);
        assertThat(rtcp.wrap(b, 0, b.capacity())).isNull();
        assertThat(rtcp.packetCount()).isEqualTo(2);
        assertThat(rtcp.next()).isTrue();
        assertThat(rtcp.packetType()).isEqualTo(RtcpPacket.SR);
        assertThat(rtcp.count()).isZero();
        assertThat(rtcp.lengthBytes()).isEqualTo(28);
        assertThat(rtcp.senderSsrc()).isEqualTo(0x12345678L);
        assertThat(rtcp.ntpTimestamp()).isEqualTo(0xE45B0C8040000000L);
        assertThat(rtcp.rtpTimestamp()).isEqualTo(90000);
        assertThat(rtcp.senderPacketCount()).isEqualTo(10);
        assertThat(rtcp.senderOctetCount()).isEqualTo(4096);
        assertThat(rtcp.next()).isTrue();
        assertThat(rtcp.packetType()).isEqualTo(RtcpPacket.SDES);
        assertThat(rtcp.count()).isEqualTo(1);
        assertThat(rtcp.packetOffset()).isEqualTo(28);
        assertThat(rtcp.next()).isFalse();
    }

    @Test
    void shouldReadReceiverReportBlock() {
        ByteBuf b = buf(0x81, 201, 0x00, 0x07, 0, 0, 0, 1,
                0xAA, 0xBB, 0xCC, 0xDD, // source SSRC
                0x40, 0x00, 0x00, 0x05, // fraction lost 64, cumulative 5
                0x00, 0x01, 0x00, 0x10, // highest sequence
                0x00, 0x00, 0x00, 0x20, // jitter
                0, 0, 0, 0, 0, 0, 0, 0); // LSR, DLSR
        assertThat(rtcp.wrap(b, 0, b.capacity())).isNull();
        assertThat(rtcp.next()).isTrue();
        assertThat(rtcp.reportSourceSsrc(0)).isEqualTo(0xAABBCCDDL);
        assertThat(rtcp.reportFractionLost(0)).isEqualTo(64);
        assertThat(rtcp.reportHighestSequence(0)).isEqualTo(0x10010);
        assertThat(rtcp.reportJitter(0)).isEqualTo(32);
    }

    @Test
    void shouldRejectLengthPastEnd() {
        ByteBuf b = buf(0x80, 201, 0x00, 0x09, 0, 0, 0, 1);
        assertThat(rtcp.wrap(b, 0, b.capacity())).isEqualTo(RtcpRejection.LENGTH_OVERRUN);
        assertThat(rtcp.next()).isFalse();
    }

    @Test
    void shouldRejectMalformedPackets() {
        assertThat(rtcp.wrap(buf(0x80, 201), 0, 2)).isEqualTo(RtcpRejection.TOO_SHORT);
        assertThat(rtcp.wrap(buf(0x40, 201, 0, 1, 0, 0, 0, 1), 0, 8)).isEqualTo(RtcpRejection.BAD_VERSION);
        assertThat(rtcp.wrap(buf(0x80, 96, 0, 1, 0, 0, 0, 1), 0, 8)).isEqualTo(RtcpRejection.BAD_PACKET_TYPE);
        assertThat(rtcp.wrap(buf(0x80, 200, 0, 1, 0, 0, 0, 1), 0, 8))
                .isEqualTo(RtcpRejection.SENDER_INFO_TRUNCATED);
        assertThat(rtcp.wrap(buf(0x82, 201, 0, 1, 0, 0, 0, 1), 0, 8))
                .isEqualTo(RtcpRejection.REPORT_BLOCKS_OVERRUN);
        assertThat(rtcp.wrap(buf(0xA0, 201, 0, 1, 0, 0, 0, 0), 0, 8)).isEqualTo(RtcpRejection.ZERO_PADDING);
        assertThat(rtcp.wrap(buf(0xA0, 201, 0, 1, 0, 0, 0, 9), 0, 8)).isEqualTo(RtcpRejection.PADDING_OVERRUN);
        assertThat(rtcp.wrap(buf(0xA0, 204, 0, 1, 0, 0, 0, 4, 0x80, 201, 0, 1, 0, 0, 0, 1), 0, 16))
                .isEqualTo(RtcpRejection.PADDING_NOT_LAST);
    }
}
