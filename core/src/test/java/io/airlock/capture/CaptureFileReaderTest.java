package io.airlock.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFileReaderTest {

    private static final long T0 = 1_700_000_000_123_456_789L;

    @TempDir
    Path dir;

    @Test
    void shouldReadLittleEndianMicrosecondPcap() throws IOException {
        Path file = pcap(ByteOrder.LITTLE_ENDIAN, false, 3);
        List<long[]> records = readAll(file, null);
        assertThat(records).hasSize(3);
        assertThat(records.get(0)[0]).isEqualTo(T0 / 1000 * 1000);
        assertThat(records.get(2)[0]).isEqualTo((T0 + 2_000_000) / 1000 * 1000);
        assertThat(records.get(0)[1]).isEqualTo(PacketDecoder.LINKTYPE_ETHERNET);
    }

    @Test
    void shouldReadBigEndianNanosecondPcap() throws IOException {
        Path file = pcap(ByteOrder.BIG_ENDIAN, true, 2);
        List<long[]> records = readAll(file, null);
        assertThat(records).hasSize(2);
        assertThat(records.get(1)[0]).isEqualTo(T0 + 1_000_000);
    }

    @Test
    void shouldPointRecordAtPacketBytesInFile() throws IOException {
        Path file = pcap(ByteOrder.LITTLE_ENDIAN, false, 1);
        byte[] raw = Files.readAllBytes(file);
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            CaptureRecord r = new CaptureRecord();
            assertThat(reader.next(r)).isTrue();
            assertThat(r.fileOffset()).isEqualTo(40);
            assertThat(r.buffer().getByte(r.offset() + 12)).isEqualTo(raw[52]);
            assertThat(r.capturedLength()).isEqualTo(raw.length - 40);
            assertThat(r.originalLength()).isEqualTo(r.capturedLength());
            assertThat(reader.next(r)).isFalse();
            assertThat(reader.problem()).isNull();
            assertThat(reader.position()).isEqualTo(reader.size());
        }
    }

    @Test
    void shouldRemapWhenRecordCrossesWindowEnd() throws IOException {
        Path file = pcap(ByteOrder.LITTLE_ENDIAN, false, 50);
        List<long[]> small = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file, 100)) {
            CaptureRecord r = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            while (reader.next(r)) {
                assertThat(decoder.decode(r)).isNull();
                small.add(new long[] {r.timestampNs(), decoder.sourcePort()});
            }
            assertThat(reader.problem()).isNull();
        }
        assertThat(small).hasSize(50);
        assertThat(small.get(49)[1]).isEqualTo(5000 + 49);
    }

    @Test
    void shouldKeepRecordsBeforeTruncatedLastRecord() throws IOException {
        Path full = pcap(ByteOrder.LITTLE_ENDIAN, false, 3);
        byte[] raw = Files.readAllBytes(full);
        Path file = write("truncated.pcap", Arrays.copyOf(raw, raw.length - 5));
        CaptureFileReader[] holder = new CaptureFileReader[1];
        List<long[]> records = readAll(file, holder);
        assertThat(records).hasSize(2);
        assertThat(holder[0].rejections().count(PcapRejection.TRUNCATED_RECORD)).isEqualTo(1);
        assertThat(holder[0].problem()).contains("TRUNCATED_RECORD").contains("byte offset");
    }

    @Test
    void shouldStopOnTruncatedRecordHeader() throws IOException {
        byte[] raw = Files.readAllBytes(pcap(ByteOrder.LITTLE_ENDIAN, false, 1));
        byte[] cut = Arrays.copyOf(raw, raw.length + 7);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(readAll(write("hdr.pcap", cut), holder)).hasSize(1);
        assertThat(holder[0].rejections().count(PcapRejection.TRUNCATED_RECORD)).isEqualTo(1);
    }

    @Test
    void shouldStopOnRecordLengthPastEnd() throws IOException {
        byte[] raw = Files.readAllBytes(pcap(ByteOrder.LITTLE_ENDIAN, false, 2));
        int second = 24 + 16 + ByteBuffer.wrap(raw, 32, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 8, 60_000);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(readAll(write("past.pcap", raw), holder)).hasSize(1);
        assertThat(holder[0].rejections().count(PcapRejection.TRUNCATED_RECORD)).isEqualTo(1);
        assertThat(holder[0].problem()).contains("offset " + second);
    }

    @Test
    void shouldStopOnFourGigabyteLengthField() throws IOException {
        byte[] raw = Files.readAllBytes(pcap(ByteOrder.LITTLE_ENDIAN, false, 2));
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, 0xFFFFFFF0);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(readAll(write("absurd.pcap", raw), holder)).isEmpty();
        assertThat(holder[0].rejections().count(PcapRejection.ABSURD_RECORD_LENGTH)).isEqualTo(1);
    }

    @Test
    void shouldReportGarbageFileAsNotACaptureFile() throws IOException {
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(readAll(write("garbage.bin", "GET / HTTP/1.1\r\n\r\n".getBytes()), holder)).isEmpty();
        assertThat(holder[0].problem()).startsWith("not a pcap/pcapng file");
        assertThat(holder[0].rejections().count(PcapRejection.NOT_A_CAPTURE_FILE)).isEqualTo(1);
    }

    @Test
    void shouldReportZeroLengthFile() throws IOException {
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(readAll(write("empty.pcap", new byte[0]), holder)).isEmpty();
        assertThat(holder[0].rejections().count(PcapRejection.EMPTY_FILE)).isEqualTo(1);
        assertThat(holder[0].problem()).contains("empty");
    }

    @Test
    void shouldReportTruncatedFileHeader() throws IOException {
        byte[] raw = Arrays.copyOf(Files.readAllBytes(pcap(ByteOrder.BIG_ENDIAN, false, 1)), 10);
        CaptureFileReader[] holder = new CaptureFileReader[1];
        assertThat(readAll(write("short.pcap", raw), holder)).isEmpty();
        assertThat(holder[0].rejections().count(PcapRejection.TRUNCATED_HEADER)).isEqualTo(1);
    }

    @Test
    void shouldThrowNamingTheFileWhenItCannotBeOpened() {
        Path missing = dir.resolve("missing.pcap");
        assertThatThrownBy(() -> CaptureFileReader.open(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining("missing.pcap");
        assertThatThrownBy(() -> CaptureFileReader.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void shouldReadWilsonCorpusAsFourHundredSevenUdpRecords() throws IOException {
        Path corpus = corpus().resolve("pcap/wilson.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(corpus), "../shared/corpus not present: skipping wilson.pcap");
        int records = 0;
        int udp = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(corpus)) {
            CaptureRecord r = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            while (reader.next(r)) {
                records++;
                if (decoder.decode(r) == null && decoder.protocol() == SyntheticPackets.PROTO_UDP) {
                    udp++;
                }
            }
            assertThat(reader.problem()).isNull();
            assertThat(reader.rejections().total()).isZero();
        }
        assertThat(records).isEqualTo(407);
        assertThat(udp).isEqualTo(407);
    }

    static Path corpus() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("src-test-data"))
                    || (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core")))) {
                return p.resolve("../shared/corpus").normalize();
            }
            p = p.getParent();
        }
        return Path.of("../shared/corpus");
    }

    private Path pcap(ByteOrder order, boolean nanos, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(out, PacketDecoder.LINKTYPE_ETHERNET, nanos, order);
        for (int i = 0; i < count; i++) {
            w.udp(T0 + i * 1_000_000L, "10.0.0.1", 5000 + i, "10.0.0.2", 6000, new byte[i % 7 + 1]);
        }
        return write("f" + order + nanos + count + ".pcap", out.toByteArray());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Reads every record as {timestampNs, linkType, interfaceId, capturedLength}. */
    static List<long[]> readAll(Path file, CaptureFileReader[] holder) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            CaptureRecord r = new CaptureRecord();
            while (reader.next(r)) {
                out.add(new long[] {r.timestampNs(), r.linkType(), r.interfaceId(), r.capturedLength()});
            }
            assertThat(reader.next(r)).isFalse();
            if (holder != null) {
                holder[0] = reader;
            }
        }
        return out;
    }
}
