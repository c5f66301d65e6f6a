package io.airlock.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jazzer targets for the RTP/RTCP flyweights; the random tests run the same bodies on seeded noise. */
class RtpFuzzTest {

    private static final RtpPacket RTP = new RtpPacket();
    private static final HeaderExtension EXTENSION = new HeaderExtension();
    private static final OnvifReplayExtension ONVIF = new OnvifReplayExtension();
    private static final RtcpPacket RTCP = new RtcpPacket();

    @FuzzTest
    void rtpPacket(byte[] data) {
        checkRtp(data);
    }

    @FuzzTest
    void rtcpPacket(byte[] data) {
        checkRtcp(data);
    }

    @Test
    void shouldSurviveRandomPackets() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[random.nextInt(80)];
            random.nextBytes(data);
            if (data.length > 0 && random.nextBoolean()) {
                data[0] = (byte) (0x80 | (data[0] & 0x3F));
            }
            if (data.length > 1 && random.nextInt(4) == 0) {
                data[1] = (byte) (200 + random.nextInt(8));
            }
            checkRtp(data);
            checkRtcp(data);
        }
    }

    static void checkRtp(byte[] data) {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[3], data);
        int offset = 3;
        RtpPacket.isRtcp(buf, offset, data.length);
        if (RTP.wrap(buf, offset, data.length) != null) {
            return;
        }
        assertThat(RTP.version()).isEqualTo(2);
        assertThat((long) RTP.payloadOffset() + RTP.payloadLength() + RTP.paddingLength())
                .isEqualTo(offset + data.length);
        assertThat(RTP.payloadLength()).isNotNegative();
        RTP.sequenceNumber();
        RTP.timestamp();
        RTP.ssrc();
        for (int i = 0; i < RTP.csrcCount(); i++) {
            RTP.csrc(i);
        }
        if (RTP.extension()) {
            int start = RTP.extensionOffset();
            int end = start + RTP.extensionLength();
            assertThat(end).isLessThanOrEqualTo(RTP.payloadOffset());
            if (EXTENSION.wrap(RTP) == null) {
                int n = 0;
                while (EXTENSION.next()) {
                    assertThat(EXTENSION.elementOffset()).isBetween(start, end);
                    assertThat(EXTENSION.elementOffset() + EXTENSION.elementLength()).isLessThanOrEqualTo(end);
                    assertThat(++n).isLessThanOrEqualTo(RTP.extensionLength());
                }
            }
            if (ONVIF.wrap(RTP) == null) {
                ONVIF.ntpTimestamp();
                ONVIF.cseq();
                ONVIF.cleanPoint();
            }
        }
    }

    static void checkRtcp(byte[] data) {
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        if (RTCP.wrap(buf, 0, data.length) != null) {
            assertThat(RTCP.next()).isFalse();
            return;
        }
        long total = 0;
        int n = 0;
        while (RTCP.next()) {
            total += RTCP.lengthBytes();
            n++;
            RTCP.senderSsrc();
            if (RTCP.packetType() == RtcpPacket.SR) {
                RTCP.ntpTimestamp();
                RTCP.rtpTimestamp();
                RTCP.senderOctetCount();
            }
            if (RTCP.packetType() == RtcpPacket.SR || RTCP.packetType() == RtcpPacket.RR) {
                for (int i = 0; i < RTCP.count(); i++) {
                    RTCP.reportJitter(i);
                }
            }
        }
        assertThat(total).isEqualTo(data.length);
        assertThat(n).isEqualTo(RTCP.packetCount());
    }
}
