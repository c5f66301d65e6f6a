package io.airlock.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes as a capture file: never throws, always terminates, records stay inside the file. */
class CaptureFileReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void readerSurvivesArbitraryFiles(byte[] bytes) throws IOException {
        readAll(bytes);
    }

    @Test
    void shouldSurviveMutatedCaptures() throws IOException {
        Random random = new Random(42);
        byte[][] seeds = {seedPcap(), seedPcapng(ByteOrder.LITTLE_ENDIAN), seedPcapng(ByteOrder.BIG_ENDIAN)};
        for (int i = 0; i < 600; i++) {
            byte[] b = seeds[i % seeds.length].clone();
            for (int m = random.nextInt(8); m >= 0; m--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
            }
            readAll(b);
        }
    }

    private static void readAll(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".pcap");
        try {
            Files.write(file, bytes);
            try (CaptureFileReader reader = CaptureFileReader.open(file, 4096)) {
                CaptureRecord r = new CaptureRecord();
                PacketDecoder decoder = new PacketDecoder();
                int n = 0;
                while (reader.next(r)) {
                    assertThat(r.fileOffset() + r.capturedLength()).isLessThanOrEqualTo(bytes.length);
                    assertThat(r.capturedLength()).isBetween(0, CaptureFileReader.MAX_RECORD_LENGTH);
                    decoder.decode(r);
                    assertThat(++n).isLessThanOrEqualTo(bytes.length);
                }
                assertThat(reader.position()).isLessThanOrEqualTo(bytes.length);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] seedPcap() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(out);
        TcpConversation c = new TcpConversation(w, "10.0.0.1", 40000, "10.0.0.2", 554, 1, 2);
        c.handshake(1).clientSends(2, "OPTIONS * RTSP/1.0\r\n\r\n".getBytes()).serverSends(3, new byte[40]).close(4);
        w.udp6(5, "::1", 1, "::2", 2, new byte[9]);
        return out.toByteArray();
    }

    private static byte[] seedPcapng(ByteOrder order) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, order);
        w.interfaceDescription(PacketDecoder.LINKTYPE_RAW, 0, 9);
        w.enhancedPacket(0, 1, SyntheticPackets.udp("1.2.3.4", 1, "5.6.7.8", 2, new byte[5]));
        w.simplePacket(SyntheticPackets.tcp("1.2.3.4", 1, "5.6.7.8", 2, 3, 4, 0x18, new byte[7]));
        return out.toByteArray();
    }
}
