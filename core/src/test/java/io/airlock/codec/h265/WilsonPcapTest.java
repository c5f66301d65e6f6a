package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.AnnexBScanner;
import io.airlock.codec.Codec;
import io.airlock.codec.RecordingListener;
import io.airlock.codec.SeiReader;
import io.airlock.wire.RejectionCounters;
import io.airlock.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
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

    @Test
    void shouldRescanWilsonRawH265InChunksAndFindAppleSeiAndSps() throws IOException {
        Path dir = corpus().resolve("pcap");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/corpus not present: skipping wilson.raw.h265");
        byte[] raw = Files.readAllBytes(dir.resolve("wilson.raw.h265"));
        ByteBuf buf = Unpooled.wrappedBuffer(raw);
        AnnexBScanner scanner = new AnnexBScanner(Codec.H265);
        RecordingListener out = new RecordingListener(2);
        for (int off = 0; off < raw.length; off += 1000) {
            scanner.feed(buf, off, Math.min(1000, raw.length - off), off, out);
        }
        scanner.finish(out);
        RejectionCounters counters = new RejectionCounters();
        scanner.lastRejections(counters);
        assertThat(counters.total()).isZero();
        assertThat(out.annexB.toByteArray()).isEqualTo(raw);

        SeiReader sei = new SeiReader();
        H265SpsParser sps = new H265SpsParser();
        boolean appleUuid = false;
        boolean spsParsed = false;
        for (String event : out.events) {
            int header = Integer.parseInt(event.substring(0, 4), 16);
            byte[] nal = HexFormat.of().parseHex(event.substring(0, 4) + event.substring(5));
            ByteBuf nalBuf = Unpooled.wrappedBuffer(nal);
            if (H265Nal.isSei(H265Nal.type(header))) {
                assertThat(sei.wrap(Codec.H265, nalBuf, 2, nal.length - 2)).isNull();
                while (sei.next()) {
                    appleUuid |= sei.isUserDataUnregistered()
                            && sei.uuidMostSignificantBits() == 0x47564adc5c4c433fL
                            && sei.uuidLeastSignificantBits() == 0x94efc5113cd143a8L;
                }
                assertThat(sei.rejection()).isNull();
            } else if (H265Nal.type(header) == H265Nal.SPS_NUT) {
                assertThat(sps.parse(nalBuf, 0, nal.length)).isNull();
                assertThat(sps.width()).isEqualTo(640);
                assertThat(sps.height()).isEqualTo(480);
                assertThat(sps.profileIdc()).isEqualTo(1);
                assertThat(sps.levelIdc()).isEqualTo(123);
                spsParsed = true;
            }
        }
        assertThat(appleUuid).isTrue();
        assertThat(spsParsed).isTrue();
    }
}
