package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.RecordingListener;
import io.airlock.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real capture from dkozyr/tau (Apple encoder, RTP H.265 PT 104): depacketizing every packet must reproduce the
 * reference Annex B stream byte for byte. The pcap reader here is a minimal test-only one.
 */
class WilsonPcapTest {

    static Path corpus() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("src-test-data"))
                    || (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core")))) {
                return p.resolve("../shared/corpus").normalize();
            }
        }
        return dir.resolve("../shared/corpus");
    }

    @Test
    void shouldReproduceWilsonRawH265ByteForByte() throws IOException {
        Path dir = corpus().resolve("pcap");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/corpus not present: skipping wilson.pcap");
        byte[] pcap = Files.readAllBytes(dir.resolve("wilson.pcap"));
        byte[] expected = Files.readAllBytes(dir.resolve("wilson.raw.h265"));

        ByteBuf buf = Unpooled.wrappedBuffer(pcap);
        ByteBuffer bb = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bb.getInt(0)).isEqualTo(0xa1b2c3d4);
        RtpPacket rtp = new RtpPacket();
        H265Depacketizer depacketizer = new H265Depacketizer();
        RecordingListener out = new RecordingListener(2);
        int packets = 0;
        int pos = 24;
        while (pos + 16 <= pcap.length) {
            int inclLen = bb.getInt(pos + 8);
            int frame = pos + 16;
            pos = frame + inclLen;
            int etherType = buf.getUnsignedShort(frame + 12);
            if (etherType != 0x0800) {
                continue;
            }
            int ip = frame + 14;
            int ihl = (buf.getUnsignedByte(ip) & 0x0F) * 4;
            int totalLength = buf.getUnsignedShort(ip + 2);
            if (buf.getUnsignedByte(ip + 9) != 17) {
                continue;
            }
            int udp = ip + ihl;
            int udpLength = buf.getUnsignedShort(udp + 4);
            assertThat(udpLength).isEqualTo(totalLength - ihl);
            assertThat(rtp.wrap(buf, udp + 8, udpLength - 8)).isNull();
            assertThat(rtp.payloadType()).isEqualTo(104);
            assertThat(depacketizer.depacketize(rtp.sequenceNumber(), rtp.timestamp(), rtp.marker(), buf,
                    rtp.payloadOffset(), rtp.payloadLength(), frame, out)).isNull();
            packets++;
        }
        assertThat(packets).isEqualTo(407);
        assertThat(out.incomplete).isZero();
        assertThat(out.open()).isFalse();
        byte[] actual = out.annexB.toByteArray();
        assertThat(actual.length).isEqualTo(300_340);
        assertThat(actual).isEqualTo(expected);
    }
}
