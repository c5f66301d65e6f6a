package io.airlock.container.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerDemuxerTest {

    private static final int FRAMES = 75;
    private static final int KEYFRAMES = 3;

    @TempDir
    Path tmp;

    static Path testData(String relative) {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("src-test-data"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with src-test-data/").isNotNull();
        return dir.resolve("src-test-data").resolve(relative);
    }

    @Test
    void shouldDemuxMp4WithLengthPrefixedNalUnits() throws IOException {
        assertCleanRecording(testData("h264/openh264-clean.mp4"), 4);
    }

    @Test
    void shouldDemuxMatroskaWithLengthPrefixedNalUnits() throws IOException {
        assertCleanRecording(testData("h264/openh264-clean.mkv"), 4);
    }

    @Test
    void shouldDemuxMpegTsWithAnnexBNalUnits() throws IOException {
        assertCleanRecording(testData("h264/openh264-clean.ts"), 0);
    }

    private static void assertCleanRecording(Path file, int nalLengthSize) throws IOException {
        try (ContainerDemuxer demuxer = ContainerDemuxer.open(file)) {
            assertThat(demuxer.tracks()).hasSize(1);
            ContainerTrack track = demuxer.tracks().get(0);
            assertThat(track.index()).isZero();
            assertThat(track.codec()).isEqualTo(Codec.H264);
            assertThat(track.mediaType()).isEqualTo("video");
            assertThat(track.width()).isEqualTo(320);
            assertThat(track.height()).isEqualTo(240);
            assertThat(track.frameRate()).isEqualTo(25.0);
            assertThat(track.nalLengthSize()).isEqualTo(nalLengthSize);
            assertThat(track.configurationRejection()).isNull();
            if (nalLengthSize != 0) {
                assertThat(track.parameterSets()).extracting(unit -> unit[0] & 0x1F).containsExactly(7, 8);
            }
            ContainerPacket p = new ContainerPacket();
            int packets = 0;
            int keyframes = 0;
            long lastPosition = -1;
            while (demuxer.next(p)) {
                assertThat(p.trackIndex()).isZero();
                assertThat(p.length()).isPositive();
                assertThat(p.ptsNs()).isNotNegative();
                if (packets == 0) {
                    assertThat(p.keyframe()).as("first packet is the IDR").isTrue();
                }
                assertThat(p.position()).isGreaterThan(lastPosition);
                lastPosition = p.position();
                assertNalFraming(p.buffer(), p.offset(), p.length(), nalLengthSize);
                keyframes += p.keyframe() ? 1 : 0;
                packets++;
            }
            assertThat(packets).as("one packet per frame").isEqualTo(FRAMES);
            assertThat(keyframes).isEqualTo(KEYFRAMES);
            assertThat(demuxer.errors()).isZero();
            assertThat(demuxer.bytesRead()).isPositive();
            assertThat(demuxer.size()).isEqualTo(Files.size(file));
            assertThat(demuxer.next(p)).as("stays at end").isFalse();
        }
    }

    /** Walks the NAL units of one packet: length prefixes must tile it exactly, Annex B must start with 00 00 01. */
    private static void assertNalFraming(ByteBuf buf, int offset, int length, int nalLengthSize) {
        if (nalLengthSize == 0) {
            assertThat(ParameterSetSpans.startsWithStartCode(buf, offset, length)).isTrue();
            return;
        }
        long pos = offset;
        long end = (long) offset + length;
        while (pos < end) {
            long nal = buf.getUnsignedInt((int) pos);
            assertThat(pos + 4 + nal).isLessThanOrEqualTo(end);
            assertThat(buf.getUnsignedByte((int) pos + 4) & 0x80).as("forbidden_zero_bit").isZero();
            pos += 4 + nal;
        }
        assertThat(pos).isEqualTo(end);
    }

    @Test
    void shouldDemuxRawH265AsOneH265Track() throws IOException {
        try (ContainerDemuxer demuxer = ContainerDemuxer.open(testData("h265/hisilicon-sei229.h265"))) {
            ContainerTrack track = demuxer.tracks().get(0);
            assertThat(track.codec()).isEqualTo(Codec.H265);
            assertThat(track.nalLengthSize()).isZero();
            assertThat(track.width()).isEqualTo(320);
            ContainerPacket p = new ContainerPacket();
            int packets = 0;
            while (demuxer.next(p)) {
                assertThat(ParameterSetSpans.startsWithStartCode(p.buffer(), p.offset(), p.length())).isTrue();
                packets++;
            }
            assertThat(packets).isEqualTo(FRAMES);
        }
    }

    /** The Apple-encoded H.265 elementary stream from dkozyr/tau in the shared corpus. */
    @Test
    void shouldDemuxCorpusH265ElementaryStream() throws IOException {
        Path corpus = testData("").getParent().resolve("../shared/corpus").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared/corpus not present: skipping wilson.raw.h265");
        Path file = corpus.resolve("pcap/wilson.raw.h265");
        Assumptions.assumeTrue(Files.isRegularFile(file), "wilson.raw.h265 not present");
        try (ContainerDemuxer demuxer = ContainerDemuxer.open(file)) {
            assertThat(demuxer.tracks()).extracting(ContainerTrack::codec).containsExactly(Codec.H265);
            ContainerPacket p = new ContainerPacket();
            long bytes = 0;
            while (demuxer.next(p)) {
                bytes += p.length();
            }
            assertThat(bytes).isPositive().isLessThanOrEqualTo(Files.size(file));
        }
    }

    @Test
    void shouldDeliverPartialPacketsOrOneLineErrorForTruncatedMp4() throws IOException {
        assertTruncatedSurvives(testData("h264/openh264-clean.mp4"), "truncated.mp4");
    }

    @Test
    void shouldDeliverPartialPacketsForTruncatedMpegTs() throws IOException {
        int packets = assertTruncatedSurvives(testData("h264/openh264-clean.ts"), "truncated.ts");
        assertThat(packets).isBetween(1, FRAMES - 1);
    }

    private int assertTruncatedSurvives(Path source, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Path truncated = tmp.resolve(name);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        ContainerDemuxer demuxer;
        try {
            demuxer = ContainerDemuxer.open(truncated);
        } catch (IOException e) {
            assertThat(e.getMessage()).contains(truncated.toString()).doesNotContain("\n");
            return 0;
        }
        try (demuxer) {
            ContainerPacket p = new ContainerPacket();
            int packets = 0;
            while (demuxer.next(p)) {
                assertThat((long) p.offset() + p.length()).isLessThanOrEqualTo(p.buffer().capacity());
                packets++;
            }
            assertThat(packets).isLessThan(FRAMES);
            return packets;
        }
    }

    @Test
    void shouldRejectGarbageWithOneLineMessageNamingTheFile() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Path file = tmp.resolve("garbage.mp4");
        Files.write(file, garbage);
        assertThatThrownBy(() -> ContainerDemuxer.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shouldRejectMissingFileWithOneLineMessage() {
        Path file = tmp.resolve("missing.mkv");
        assertThatThrownBy(() -> ContainerDemuxer.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void shouldTreatFileNameAsFileNotProtocol() throws IOException {
        Path file = tmp.resolve("concat:x.mp4");
        Files.copy(testData("h264/openh264-clean.mp4"), file);
        try (ContainerDemuxer demuxer = ContainerDemuxer.open(file)) {
            assertThat(demuxer.tracks()).hasSize(1);
        }
    }

    @Test
    void shouldReturnFalseAfterCloseAndCloseTwice() throws IOException {
        ContainerDemuxer demuxer = ContainerDemuxer.open(testData("h264/openh264-clean.mkv"));
        ContainerPacket p = new ContainerPacket();
        assertThat(demuxer.next(p)).isTrue();
        demuxer.close();
        demuxer.close();
        assertThat(demuxer.next(p)).isFalse();
        assertThat(p.buffer()).isNull();
        assertThat(demuxer.bytesRead()).isZero();
    }

    @Test
    void shouldProbeContainersByContent() throws IOException {
        assertThat(probeFile("h264/openh264-clean.mp4")).isTrue();
        assertThat(probeFile("h264/openh264-clean.mkv")).isTrue();
        assertThat(probeFile("h264/openh264-clean.ts")).isTrue();
        assertThat(probeFile("h264/openh264-clean.h264")).isFalse();
        assertThat(probeFile("h265/x265-clean.h265")).isFalse();
    }

    @Test
    void shouldProbeAviAndRejectOutOfRangeArguments() {
        ByteBuf avi = Unpooled.wrappedBuffer(new byte[] {
            'R', 'I', 'F', 'F',   // RIFF chunk id
            0x10, 0, 0, 0,        // chunk size
            'A', 'V', 'I', ' ',   // form type
        });
        assertThat(ContainerDemuxer.probe(avi, 0, 12)).isTrue();
        assertThat(ContainerDemuxer.probe(avi, 0, 11)).isFalse();
        assertThat(ContainerDemuxer.probe(avi, 4, 12)).isFalse();
        assertThat(ContainerDemuxer.probe(avi, -1, 4)).isFalse();
        assertThat(ContainerDemuxer.probe(avi, Integer.MAX_VALUE, Integer.MAX_VALUE)).isFalse();
        assertThat(ContainerDemuxer.probe(null, 0, 0)).isFalse();
    }

    private static boolean probeFile(String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(testData(relative));
        byte[] prefixed = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, prefixed, 3, bytes.length);
        return ContainerDemuxer.probe(Unpooled.wrappedBuffer(prefixed), 3, Math.min(bytes.length, 1024));
    }
}
