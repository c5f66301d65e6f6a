package io.airlock.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngReaderTest {

    @TempDir
    Path dir;

    private final byte[] packet = SyntheticPackets.udp("192.168.1.64", 8000, "192.168.1.10", 9000, new byte[12]);

    @Test
    void shouldReadTwoInterfacesWithDifferentTimestampResolutions() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PcapngWriter w = new PcapngWriter(out, order);
            w.interfaceDescription(PacketDecoder.LINKTYPE_RAW, 65535, -1);
            w.interfaceDescription(PacketDecoder.LINKTYPE_LINUX_SLL2, 65535, 9);
            w.block(0x0BAD, new byte[] {1, 2, 3, 4, 5});
            w.enhancedPacket(0, 1_700_000_000_000_001L, packet);
            w.enhancedPacket(1, 1_700_000_000_000_000_002L, new PcapWriter(new ByteArrayOutputStream(),
                    PacketDecoder.LINKTYPE_LINUX_SLL2, false, order).frame(packet));
            w.simplePacket(packet);
            CaptureFileReader[] holder = new CaptureFileReader[1];
            List<long[]> records = CaptureFileReaderTest.readAll(write(out.toByteArray()), holder);
            assertThat(records).hasSize(3);
            assertThat(records.get(0)).containsExactly(1_700_000_000_000_001_000L, PacketDecoder.LINKTYPE_RAW, 0,
                    packet.length);
            assertThat(records.get(1)).containsExactly(1_700_000_000_000_000_002L, PacketDecoder.LINKTYPE_LINUX_SLL2,
                    1, packet.length + 20);
            assertThat(records.get(2)[3]).isEqualTo(packet.length);
            assertThat(holder[0].problem()).isNull();
            assertThat(holder[0].pcapng()).isTrue();
        }
    }

    @Test
    void shouldConvertBinaryTimestampResolution() {
        assertThat(PcapngInterfaces.toNanos(0x80 | 20, (5L << 20) | (1L << 19))).isEqualTo(5_500_000_000L);
        assertThat(PcapngInterfaces.toNanos(0x80 | 40, 3L << 40)).isEqualTo(3_000_000_000L);
        assertThat(PcapngInterfaces.toNanos(12, 7_000_000_000_000L)).isEqualTo(7_000_000_000L);
    }

    @Test
    void shouldSkipPacketWhoseCapturedLengthPassesItsBlock() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        w.interfaceDescription(PacketDecoder.LINKTYPE_RAW, 0, -1);
        w.enhancedPacket(0, 1, packet, 5000, 5000);
        w.enhancedPacket(0, 2, packet, 0xFFFF_FFF0L, 5000);
        w.enhancedPacket(7, 3, packet);
        w.enhancedPacket(0, 4, packet);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        List<long[]> records = CaptureFileReaderTest.readAll(write(out.toByteArray()), holder);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)[0]).isEqualTo(4000);
        assertThat(holder[0].rejections().count(PcapRejection.CAPTURED_LENGTH_PAST_BLOCK)).isEqualTo(1);
        assertThat(holder[0].rejections().count(PcapRejection.ABSURD_RECORD_LENGTH)).isEqualTo(1);
        assertThat(holder[0].rejections().count(PcapRejection.UNKNOWN_INTERFACE)).isEqualTo(1);
        assertThat(holder[0].problem()).isNull();
    }

    @Test
    void shouldStopOnBlockLengthPastEndOfFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        w.interfaceDescription(PacketDecoder.LINKTYPE_RAW, 0, -1);
        w.enhancedPacket(0, 1, packet);
        int second = out.size();
        w.enhancedPacket(0, 2, packet);
        byte[] raw = out.toByteArray();
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 4, 0x7FFF_FFF0);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(CaptureFileReaderTest.readAll(write(raw), holder)).hasSize(1);
        assertThat(holder[0].rejections().count(PcapRejection.BLOCK_PAST_END)).isEqualTo(1);
        assertThat(holder[0].problem()).contains("offset " + second);
    }

    @Test
    void shouldStopOnTrailerThatDisagreesWithBlockLength() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.BIG_ENDIAN);
        w.interfaceDescription(PacketDecoder.LINKTYPE_RAW, 0, -1);
        w.enhancedPacket(0, 1, packet);
        byte[] raw = out.toByteArray();
        raw[raw.length - 1] ^= 4;
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(CaptureFileReaderTest.readAll(write(raw), holder)).isEmpty();
        assertThat(holder[0].rejections().count(PcapRejection.BAD_BLOCK_LENGTH)).isEqualTo(1);
    }

    @Test
    void shouldKeepPacketsBeforeTruncatedLastBlock() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        w.interfaceDescription(PacketDecoder.LINKTYPE_RAW, 0, -1);
        w.enhancedPacket(0, 1, packet);
        w.enhancedPacket(0, 2, packet);
        byte[] raw = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 9);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(CaptureFileReaderTest.readAll(write(raw), holder)).hasSize(1);
        assertThat(holder[0].rejections().count(PcapRejection.TRUNCATED_RECORD)).isEqualTo(1);
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "t", ".pcapng"), bytes);
    }
}
