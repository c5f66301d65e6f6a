package io.airlock.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.airlock.capture.PcapWriter;
import io.airlock.codec.Codec;
import io.airlock.rtp.H264Packetizer;
import io.airlock.support.TestPaths;
import io.airlock.testdata.CliRun;
import io.airlock.testdata.Inspections;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile files, generated per test in a temp dir: Airlock reads what it can, counts the rest, never
 * throws, loops or prints a stack trace, and names the file in every one-line error.
 */
class HostileInputEndToEndTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int PCAP_HEADER = 24;

    @TempDir
    Path temp;

    private static void within(Executable body) {
        assertTimeoutPreemptively(LIMIT, body);
    }

    /** Inspects through the API and the CLI; returns the API result. */
    private static InspectionResult inspectBothWays(Path file) throws Exception {
        InspectionResult r = Inspections.inspect(file);
        CliRun run = CliRun.of("inspect", "--no-progress", "--fail-on", "never", file.toString());
        assertCleanErrors(run, file);
        assertThat(run.exit()).as("exit of %s: %s", file, run.err()).isIn(0, 2);
        return r;
    }

    private static void assertCleanErrors(CliRun run, Path file) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String line : run.errLines()) {
            assertThat(line).as("stderr line").contains(file.getFileName().toString());
        }
    }

    private static void assertPartial(InspectionResult r) {
        assertThat(r.unreadable() > 0 || r.problem() != null)
                .as("%s: unreadable %s, problem %s", r.file(), r.unreadable(), r.problem()).isTrue();
        if (r.problem() != null) {
            assertThat(r.problem()).doesNotContain("\n").contains(r.file().getFileName().toString());
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = temp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path cut(String testData, String name) throws Exception {
        byte[] all = Files.readAllBytes(TestPaths.testData(testData));
        return write(name, Arrays.copyOf(all, all.length / 2 + 7));
    }

    @Test
    void shouldReadTruncatedPcapAsFarAsItGoes() {
        within(() -> {
            InspectionResult r = inspectBothWays(cut("pcap/rtsp-udp-h264-clean.pcap", "cut.pcap"));
            assertPartial(r);
            assertThat(r.streams()).hasSize(1);
            assertThat(r.streams().get(0).stats().frames()).isBetween(1L, 74L);
        });
    }

    @Test
    void shouldReadTruncatedProgramStreamAsFarAsItGoes() {
        within(() -> {
            InspectionResult r = inspectBothWays(cut("ps/hikvision-private.ps", "cut.ps"));
            assertPartial(r);
            assertThat(r.streams().get(0).stats().frames()).isBetween(1L, 74L);
        });
    }

    @Test
    void shouldReadTruncatedDhavAsFarAsItGoes() {
        within(() -> {
            InspectionResult r = inspectBothWays(cut("dhav/dahua-clean.dav", "cut.dav"));
            assertPartial(r);
            assertThat(r.streams().get(0).stats().frames()).isBetween(1L, 74L);
        });
    }

    @Test
    void shouldReadTruncatedAnnexBAsFarAsItGoes() {
        within(() -> {
            InspectionResult r = inspectBothWays(cut("h264/openh264-clean.h264", "cut.h264"));
            assertThat(r.streams().get(0).stats().frames()).isBetween(1L, 74L);
            assertThat(r.streams().get(0).stats().width()).isEqualTo(320);
        });
    }

    @Test
    void shouldReadTruncatedMp4WithoutInternalError() {
        within(() -> {
            Path file = cut("h264/openh264-clean.mp4", "cut.mp4");
            CliRun run = CliRun.of("inspect", "--no-progress", "--fail-on", "never", file.toString());
            assertCleanErrors(run, file);
            assertThat(run.exit()).isIn(0, 2);
            if (run.exit() == 0) {
                assertPartial(Inspections.inspect(file));
            } else {
                assertThat(run.errLines()).isNotEmpty();
            }
        });
    }

    @Test
    void shouldStopAtPcapRecordLongerThanTheFile() {
        within(() -> {
            byte[] valid = Arrays.copyOf(Files.readAllBytes(TestPaths.testData("pcap/rtsp-udp-h264-clean.pcap")),
                    PCAP_HEADER + 16 + 74);
            ByteBuffer b = ByteBuffer.allocate(valid.length + 16 + 10).order(ByteOrder.LITTLE_ENDIAN);
            b.put(valid).putInt(1_700_000_001).putInt(0).putInt(1000).putInt(1000).put(new byte[10]);
            InspectionResult r = inspectBothWays(write("past-end.pcap", b.array()));
            assertPartial(r);
            assertThat(r.bytesRead()).isLessThanOrEqualTo(r.size());
        });
    }

    @Test
    void shouldRejectFourGigabytePcapRecordLength() {
        within(() -> {
            byte[] valid = Arrays.copyOf(Files.readAllBytes(TestPaths.testData("pcap/rtsp-udp-h264-clean.pcap")),
                    PCAP_HEADER + 16 + 74);
            ByteBuffer b = ByteBuffer.allocate(valid.length + 16 + 64).order(ByteOrder.LITTLE_ENDIAN);
            b.put(valid).putInt(1_700_000_001).putInt(0).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).put(new byte[64]);
            assertPartial(inspectBothWays(write("4g-record.pcap", b.array())));
        });
    }

    @Test
    void shouldRejectDhavFrameLengthOfFourGigabytes() {
        within(() -> {
            byte[] dav = Files.readAllBytes(TestPaths.testData("dhav/dahua-clean.dav"));
            int second = indexOf(dav, new byte[] {'D', 'H', 'A', 'V'}, 4);
            ByteBuffer.wrap(dav).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 12, 0xFFFFFFFF);
            InspectionResult r = inspectBothWays(write("4g-frame.dav", dav));
            assertThat(r.unreadable()).isPositive();
            // The demuxer resynchronises on the next "DHAV": the frames after the damaged one are still read.
            assertThat(r.streams().get(0).stats().frames()).isBetween(60L, 74L);
        });
    }

    @Test
    void shouldStopAtPesLengthPastTheEndOfProgramStream() {
        within(() -> {
            byte[] ps = Files.readAllBytes(TestPaths.testData("ps/gb28181-clean.ps"));
            int lastPes = lastIndexOf(ps, new byte[] {0, 0, 1, (byte) 0xE0});
            byte[] damaged = Arrays.copyOf(ps, lastPes + 30);
            damaged[lastPes + 4] = (byte) 0xFF;
            damaged[lastPes + 5] = (byte) 0xFF;
            InspectionResult r = inspectBothWays(write("pes-past-end.ps", damaged));
            assertPartial(r);
            assertThat(r.streams().get(0).stats().frames()).isBetween(70L, 75L);
        });
    }

    @Test
    void shouldSurviveFuAFragmentsOutOfOrderAndEndWithoutStart() {
        within(() -> {
            byte[] annexB = Files.readAllBytes(TestPaths.testData("h264/openh264-clean.h264"));
            List<byte[]> packets = new ArrayList<>();
            H264Packetizer rtp = new H264Packetizer(300, 0x0BADF00DL, 96, 1);
            long ts = 0;
            for (byte[] nal : splitAnnexB(annexB)) {
                int type = nal[0] & 0x1F;
                packets.addAll(rtp.packetize(nal, ts, type == 1 || type == 5));
                if (type == 1 || type == 5) {
                    ts += 3600;
                }
            }
            int fuStart = firstFuStart(packets, 0);
            // Swap two middle fragments of the first fragmented NAL; drop the start of the next one.
            packets.add(fuStart + 2, packets.remove(fuStart + 1));
            int nextStart = firstFuStart(packets, fuStart + 4);
            packets.remove(nextStart);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PcapWriter w = new PcapWriter(out)) {
                long t = 1_700_000_000_000_000_000L;
                for (byte[] p : packets) {
                    w.udp(t += 1_000_000, "203.0.113.9", 6970, "192.0.2.9", 50000, p);
                }
            }
            InspectionResult r = inspectBothWays(write("fu-a-disorder.pcap", out.toByteArray()));
            assertThat(r.streams()).hasSize(1);
            StreamStats st = r.streams().get(0).stats();
            assertThat(st.codec()).isEqualTo(Codec.H264);
            assertThat(r.unreadable() + st.rejected() + st.lostPackets()).isPositive();
        });
    }

    @Test
    void shouldIgnoreZeroLengthNalUnitInAnnexB() {
        within(() -> {
            byte[] clean = Files.readAllBytes(TestPaths.testData("h264/openh264-clean.h264"));
            int middle = indexOf(clean, new byte[] {0, 0, 0, 1}, clean.length / 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(clean, 0, middle);
            out.writeBytes(new byte[] {0, 0, 1, 0, 0, 1});
            out.write(clean, middle, clean.length - middle);
            InspectionResult r = inspectBothWays(write("zero-nal.h264", out.toByteArray()));
            assertThat(r.streams().get(0).stats().frames()).isEqualTo(75);
        });
    }

    @Test
    void shouldRejectFourGigabyteNalLengthInMp4Sample() {
        within(() -> {
            byte[] mp4 = Files.readAllBytes(TestPaths.testData("h264/openh264-clean.mp4"));
            int mdat = indexOf(mp4, new byte[] {'m', 'd', 'a', 't'}, 0);
            // The first sample's first 4-byte NAL length follows the mdat box header.
            ByteBuffer.wrap(mp4).putInt(mdat + 4, 0xFFFFFFFF);
            Path file = write("4g-nal.mp4", mp4);
            InspectionResult r = inspectBothWays(file);
            assertThat(r.unreadable()).isPositive();
            assertThat(r.streams().get(0).stats().frames()).isGreaterThanOrEqualTo(70);
        });
    }

    @Test
    void shouldRefuseRandomGarbageWithOneLineNamingTheFile() {
        within(() -> {
            byte[] garbage = new byte[4096];
            new Random(42).nextBytes(garbage);
            garbage[0] = 0x6e;
            Path file = write("garbage.bin", garbage);
            CliRun run = CliRun.of("inspect", "--no-progress", file.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertCleanErrors(run, file);
            assertThat(run.errLines()).hasSize(1);
        });
    }

    @Test
    void shouldRefuseZeroByteFile() {
        within(() -> {
            Path file = write("empty.h264", new byte[0]);
            CliRun run = CliRun.of("inspect", "--no-progress", file.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertCleanErrors(run, file);
            assertThat(run.errLines()).hasSize(1);
        });
    }

    private static int firstFuStart(List<byte[]> packets, int from) {
        for (int i = from; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            if ((p[12] & 0x1F) == 28 && (p[13] & 0x80) != 0) {
                return i;
            }
        }
        throw new AssertionError("no FU-A start after " + from);
    }

    private static List<byte[]> splitAnnexB(byte[] s) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 3 <= s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                if (start >= 0) {
                    units.add(trim(s, start, i));
                }
                start = i + 3;
                i += 2;
            }
        }
        units.add(trim(s, start, s.length));
        return units;
    }

    private static byte[] trim(byte[] s, int from, int to) {
        int end = to;
        while (end > from && s[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOfRange(s, from, end);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        int found = -1;
        for (int i = indexOf(haystack, needle, 0); ; ) {
            found = i;
            try {
                i = indexOf(haystack, needle, i + 1);
            } catch (AssertionError e) {
                return found;
            }
        }
    }
}
