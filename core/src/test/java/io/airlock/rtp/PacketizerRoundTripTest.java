package io.airlock.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.RecordingListener;
import io.airlock.codec.h264.H264Depacketizer;
import io.airlock.codec.h265.H265Depacketizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketizerRoundTripTest {

    private static byte[] nal(Random random, int length, int... header) {
        byte[] n = new byte[length];
        random.nextBytes(n);
        for (int i = 0; i < header.length; i++) {
            n[i] = (byte) header[i];
        }
        return n;
    }

    private static byte[] annexB(List<byte[]> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(n);
        }
        return out.toByteArray();
    }

    @Test
    void shouldRoundTripH264SingleFuAAndStapA() {
        Random random = new Random(1);
        List<byte[]> nals = List.of(nal(random, 20, 0x67), nal(random, 4, 0x68), nal(random, 5000, 0x65),
                nal(random, 1388, 0x41), nal(random, 1389, 0x41));
        H264Packetizer packetizer = new H264Packetizer(1400, 0x1234, 96, 65530);
        List<byte[]> packets = new ArrayList<>();
        packets.add(packetizer.stapA(3000, false, nals.subList(0, 2)));
        for (int i = 2; i < nals.size(); i++) {
            packets.addAll(packetizer.packetize(nals.get(i), 3000, i == nals.size() - 1));
        }
        RtpPacket rtp = new RtpPacket();
        H264Depacketizer depacketizer = new H264Depacketizer();
        RecordingListener out = new RecordingListener(1);
        for (byte[] p : packets) {
            assertThat(p.length).isLessThanOrEqualTo(1400);
            ByteBuf b = Unpooled.wrappedBuffer(p);
            assertThat(rtp.wrap(b, 0, p.length)).isNull();
            assertThat(rtp.ssrc()).isEqualTo(0x1234);
            assertThat(depacketizer.depacketize(rtp.sequenceNumber(), rtp.timestamp(), rtp.marker(), b,
                    rtp.payloadOffset(), rtp.payloadLength(), -1, out)).isNull();
        }
        assertThat(out.annexB.toByteArray()).isEqualTo(annexB(nals));
        assertThat(out.accessUnits).isEqualTo(1);
    }

    @Test
    void shouldRoundTripH265SingleFuAndAp() {
        Random random = new Random(2);
        List<byte[]> nals = List.of(nal(random, 24, 0x40, 0x01), nal(random, 40, 0x42, 0x01),
                nal(random, 6, 0x44, 0x01), nal(random, 9000, 0x26, 0x01), nal(random, 300, 0x02, 0x01));
        H265Packetizer packetizer = new H265Packetizer(1200, 0xCAFE, 104, 1);
        List<byte[]> packets = new ArrayList<>();
        packets.add(packetizer.aggregate(90, false, nals.subList(0, 3)));
        for (int i = 3; i < nals.size(); i++) {
            packets.addAll(packetizer.packetize(nals.get(i), 90, i == nals.size() - 1));
        }
        RtpPacket rtp = new RtpPacket();
        H265Depacketizer depacketizer = new H265Depacketizer();
        RecordingListener out = new RecordingListener(2);
        for (byte[] p : packets) {
            ByteBuf b = Unpooled.wrappedBuffer(p);
            assertThat(rtp.wrap(b, 0, p.length)).isNull();
            assertThat(depacketizer.depacketize(rtp.sequenceNumber(), rtp.timestamp(), rtp.marker(), b,
                    rtp.payloadOffset(), rtp.payloadLength(), -1, out)).isNull();
        }
        assertThat(out.annexB.toByteArray()).isEqualTo(annexB(nals));
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(1 + packets.size());
    }
}
