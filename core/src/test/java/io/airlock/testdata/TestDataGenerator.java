package io.airlock.testdata;

import io.airlock.support.FfmpegBinary;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Regenerates the recordings in {@code src-test-data/} (see its README.md). One method per file so later parts
 * (MPEG-PS, DHAV, pcap) add a method and a line in {@link #generateAll()}.
 *
 * <p>H.264 comes from the bundled LGPL FFmpeg (libopenh264) and its bundled {@code ffmpeg} binary. H.265 needs an
 * {@code ffmpeg} with libx265 on PATH (Debian's); without one the H.265 files are left as committed.
 */
public final class TestDataGenerator {

    /** A UUID no known encoder uses; MED-06 must flag it. */
    public static final String UNKNOWN_UUID = "0badc0de-dead-4bee-8f00-a1b2c3d4e5f6";
    /** Text carried after {@link #UNKNOWN_UUID}. */
    public static final String UNKNOWN_UUID_TEXT = "AIRLOCK-TEST-covert-payload";
    /** The one-byte HiSilicon SEI 229 value, as seen in real recordings (threat-signatures §2.3). */
    public static final int HISILICON_SEI229_VALUE = 0x3C;

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int FPS = 25;
    static final int GOP = 25;
    static final int FRAMES = 75;

    private static final int H264_NAL_SEI = 6;
    private static final int H264_NAL_IDR = 5;
    private static final int H264_NAL_UNSPECIFIED24 = 24;
    private static final int H264_NAL_FILLER = 12;
    private static final int SEI_USER_DATA_UNREGISTERED = 5;
    private static final int SEI_HISILICON = 229;
    private static final int H265_PREFIX_SEI_NUT = 39;
    private static final int H265_BLA_W_LP = 16;
    private static final int H265_RSV_IRAP_VCL23 = 23;

    private final Path root;

    public TestDataGenerator(Path root) {
        this.root = root;
    }

    /** Writes every file under {@code args[0]}; the default {@code ../src-test-data} suits Surefire's {@code core/}. */
    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args.length > 0 ? args[0] : "../src-test-data").toAbsolutePath().normalize();
        new TestDataGenerator(root).generateAll();
    }

    /** Regenerates everything; H.265 is skipped with a message when no suitable ffmpeg is on PATH. */
    public void generateAll() throws Exception {
        av_log_set_level(AV_LOG_QUIET);
        Files.createDirectories(root.resolve("h264"));
        openh264Clean();
        openh264Remux("mp4");
        openh264Remux("mkv");
        openh264Remux("ts");
        seiUserDataUnknownUuid();
        hisiliconSei229H264();
        new ContainerRecordings(this).generateAll();
        h265();
        new PcapRecordings(this).generateAll();
    }

    private void h265() throws Exception {
        Path x265 = ExternalFfmpeg.findWithLibx265();
        if (x265 == null) {
            System.out.println("TestDataGenerator: no ffmpeg with libx265 on PATH; keeping the committed h265/ files"
                    + " (apt-get install ffmpeg to rebuild them)");
            return;
        }
        Files.createDirectories(root.resolve("h265"));
        x265Clean(x265);
        hisiliconSei229H265();
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    /** {@code h264/openh264-clean.h264}: openh264 writes no SEI, the clean negative control. */
    void openh264Clean() throws Exception {
        Path out = file("h264/openh264-clean.h264");
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), WIDTH, HEIGHT, 0);
        try {
            recorder.setFormat("h264");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(GOP);
            recorder.setVideoBitrate(200_000);
            recorder.setVideoOption("threads", "1");
            recorder.setVideoOption("allow_skip_frames", "0");
            recorder.start();
            Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            for (int n = 0; n < FRAMES; n++) {
                paint(frame, n);
                recorder.record(frame, AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } finally {
            recorder.release();
        }
    }

    /** A gradient background with a square moving across it: cheap to encode, different in every frame. */
    private static void paint(Frame frame, int n) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        int squareX = (n * 4) % (WIDTH - 48);
        int squareY = 40 + (n * 2) % (HEIGHT - 88);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * stride + x * 3;
                boolean inSquare = x >= squareX && x < squareX + 48 && y >= squareY && y < squareY + 48;
                pixels.put(i, (byte) (inSquare ? 255 : (x + n) & 0xFF));
                pixels.put(i + 1, (byte) (inSquare ? 64 : y));
                pixels.put(i + 2, (byte) (inSquare ? 32 : (x + y) / 3));
            }
        }
    }

    /** {@code h264/openh264-clean.<ext>}: the clean stream remuxed without re-encoding by the bundled ffmpeg. */
    void openh264Remux(String ext) throws Exception {
        List<String> cmd = bundledFfmpeg();
        cmd.addAll(List.of("-r", String.valueOf(FPS), "-i", file("h264/openh264-clean.h264").toString(),
                "-c", "copy", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact"));
        if ("ts".equals(ext)) {
            cmd.addAll(List.of("-mpegts_flags", "+initial_discontinuity", "-muxrate", "0"));
        }
        cmd.add(file("h264/openh264-clean." + ext).toString());
        ExternalFfmpeg.run(cmd);
    }

    /** {@code h264/sei-user-data-unknown-uuid.h264}: h264_metadata inserts user_data_unregistered, unknown UUID. */
    void seiUserDataUnknownUuid() throws Exception {
        List<String> cmd = bundledFfmpeg();
        cmd.addAll(List.of("-r", String.valueOf(FPS), "-i", file("h264/openh264-clean.h264").toString(),
                "-c", "copy", "-bsf:v", "h264_metadata=sei_user_data=" + UNKNOWN_UUID + "+" + UNKNOWN_UUID_TEXT,
                "-f", "h264", file("h264/sei-user-data-unknown-uuid.h264").toString()));
        ExternalFfmpeg.run(cmd);
    }

    /**
     * {@code h264/hisilicon-sei229.h264}: SEI {@code 06 E5 01 3C 80} before every IDR picture, plus one NAL unit of
     * unspecified type 24 and one with forbidden_zero_bit set.
     */
    void hisiliconSei229H264() throws IOException {
        List<byte[]> units = AnnexB.split(Files.readAllBytes(file("h264/openh264-clean.h264")));
        List<byte[]> out = new ArrayList<>(units.size() + 8);
        byte[] sei229 = hisiliconSei229Nal();
        int slices = 0;
        for (byte[] unit : units) {
            int type = unit[0] & 0x1F;
            // first_mb_in_slice == 0 (ue(v) "1") marks the first slice of a picture: one SEI per IDR picture.
            if (type == H264_NAL_IDR && unit.length > 1 && (unit[1] & 0x80) != 0) {
                out.add(sei229);
            }
            out.add(unit);
            if (type >= 1 && type <= 5) {
                slices++;
                if (slices == 30) {
                    out.add(new byte[] {H264_NAL_UNSPECIFIED24, 'A', 'I', 'R', 'L', 'O', 'C', 'K', (byte) 0x80});
                } else if (slices == 55) {
                    out.add(new byte[] {(byte) (0x80 | H264_NAL_FILLER), (byte) 0xFF, (byte) 0xFF, (byte) 0x80});
                }
            }
        }
        Files.write(file("h264/hisilicon-sei229.h264"), AnnexB.join(out));
    }

    /** The H.264 SEI NAL unit {@code 06 E5 01 3C 80}: payloadType 229, size 1, the HiSilicon value. */
    static byte[] hisiliconSei229Nal() {
        return AnnexB.nal(new byte[] {H264_NAL_SEI},
                new byte[] {(byte) SEI_HISILICON, 1, (byte) HISILICON_SEI229_VALUE, (byte) 0x80});
    }

    /** {@code h265/x265-clean.h265}: libx265, which writes its own user_data_unregistered (a known UUID). */
    void x265Clean(Path ffmpeg) throws Exception {
        ExternalFfmpeg.run(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS + ":duration=3",
                "-pix_fmt", "yuv420p", "-c:v", "libx265", "-preset", "fast", "-crf", "30",
                "-x265-params", "log-level=none:keyint=" + GOP + ":min-keyint=" + GOP
                        + ":scenecut=0:frame-threads=1:pools=none:bframes=0",
                "-fflags", "+bitexact", "-flags:v", "+bitexact", "-f", "hevc",
                file("h265/x265-clean.h265").toString()));
    }

    /**
     * {@code h265/hisilicon-sei229.h265}: before each IRAP picture a prefix SEI NAL (header {@code 4E 01}) carrying
     * payloadType 229 size 4 ({@code 61 0c 00 00}) and a user_data_unregistered with {@link #UNKNOWN_UUID}.
     */
    void hisiliconSei229H265() throws IOException {
        List<byte[]> units = AnnexB.split(Files.readAllBytes(file("h265/x265-clean.h265")));
        byte[] uuid = AnnexB.uuid(UNKNOWN_UUID);
        byte[] text = UNKNOWN_UUID_TEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int uduSize = uuid.length + text.length;
        byte[] rbsp = new byte[2 + 4 + 2 + uduSize + 1];
        int i = 0;
        rbsp[i++] = (byte) SEI_HISILICON;
        rbsp[i++] = 4;
        rbsp[i++] = 0x61;
        rbsp[i++] = 0x0c;
        rbsp[i++] = 0;
        rbsp[i++] = 0;
        rbsp[i++] = SEI_USER_DATA_UNREGISTERED;
        rbsp[i++] = (byte) uduSize;
        System.arraycopy(uuid, 0, rbsp, i, uuid.length);
        i += uuid.length;
        System.arraycopy(text, 0, rbsp, i, text.length);
        i += text.length;
        rbsp[i] = (byte) 0x80;
        byte[] sei = AnnexB.nal(new byte[] {(byte) (H265_PREFIX_SEI_NUT << 1), 1}, rbsp);
        List<byte[]> out = new ArrayList<>(units.size() + 8);
        for (byte[] unit : units) {
            int type = (unit[0] >> 1) & 0x3F;
            // first_slice_segment_in_pic_flag is the first bit after the 2-byte header.
            if (type >= H265_BLA_W_LP && type <= H265_RSV_IRAP_VCL23 && unit.length > 2 && (unit[2] & 0x80) != 0) {
                out.add(sei);
            }
            out.add(unit);
        }
        Files.write(file("h265/hisilicon-sei229.h265"), AnnexB.join(out));
    }

    private static List<String> bundledFfmpeg() {
        return new ArrayList<>(List.of(FfmpegBinary.path(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    }
}
