package io.airlock.sim;

import io.airlock.support.FfmpegBinary;
import io.airlock.server.RtspServerConfig;
import io.airlock.support.TestPaths;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real peers on loopback: FFmpeg (JavaCV and the bundled ffmpeg binary) pulls from the simulator. */
class CameraSimulatorFfmpegTest {

    private static final byte[] H264_SEI_229 = {0x06, (byte) 0xE5, 0x01, 0x3C, (byte) 0x80};
    /** H.265 prefix SEI header (type 39) then payloadType 229, size 4, 61 0C 00 00. */
    private static final byte[] H265_SEI_229 = {0x4E, 0x01, (byte) 0xE5, 0x04, 0x61, 0x0C, 0x00, 0x00};
    private static final long GRAB_NANOS = TimeUnit.MILLISECONDS.toNanos(3200);
    private static final int MIN_FRAMES = 60;

    @TempDir
    Path tmp;

    @Test
    @Timeout(30)
    void shouldDecodeEveryH264FrameOverTcpAndUdp() throws Exception {
        try (CameraSimulator sim = start(Vendor.GENERIC, "h264/hisilicon-sei229.h264")) {
            final String url = sim.urls().get(0);
            assertThat(url).endsWith("/hisilicon-sei229");
            assertThat(grab(url, "tcp")).isGreaterThanOrEqualTo(MIN_FRAMES);
            assertThat(grab(url, "udp")).isGreaterThanOrEqualTo(MIN_FRAMES);
        }
    }

    @Test
    @Timeout(30)
    void shouldDecodeH265FramesInDahuaStyleOverTcpAndHikvisionStyleOverUdp() throws Exception {
        try (CameraSimulator sim = start(Vendor.DAHUA, "h265/hisilicon-sei229.h265")) {
            assertThat(grab(sim.urls().get(0), "tcp")).isGreaterThanOrEqualTo(MIN_FRAMES);
        }
        try (CameraSimulator sim = start(Vendor.HIKVISION, "h265/hisilicon-sei229.h265")) {
            assertThat(grab(sim.urls().get(0), "udp")).isGreaterThanOrEqualTo(MIN_FRAMES);
        }
    }

    @Test
    @Timeout(30)
    void shouldDeliverH264SeiBytesUnchanged() throws Exception {
        try (CameraSimulator sim = start(Vendor.HIKVISION, "h264/hisilicon-sei229.h264")) {
            final byte[] out = copy(sim.urls().get(0), "h264");
            assertThat(indexOf(out, H264_SEI_229)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    @Timeout(30)
    void shouldDeliverH265SeiBytesUnchanged() throws Exception {
        try (CameraSimulator sim = start(Vendor.GENERIC, "h265/hisilicon-sei229.h265")) {
            final byte[] out = copy(sim.urls().get(0), "hevc");
            assertThat(indexOf(out, H265_SEI_229)).isGreaterThanOrEqualTo(0);
        }
    }

    private static CameraSimulator start(final Vendor vendor, final String file) throws Exception {
        final RtspServerConfig config = new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0));
        return CameraSimulator.start(config, vendor, CameraSimulator.DEFAULT_FPS,
                List.of(TestPaths.testData(file)));
    }

    /** Frames decoded in about 3 s; fails on any grab error. */
    private static int grab(final String url, final String transport) throws Exception {
        int frames = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(url)) {
            g.setOption("rtsp_transport", transport);
            g.setOption("timeout", "5000000");
            g.start();
            final long deadline = System.nanoTime() + GRAB_NANOS;
            while (System.nanoTime() < deadline) {
                final Frame f = g.grabImage();
                if (f == null) {
                    break;
                }
                assertThat(f.imageWidth).isEqualTo(320);
                assertThat(f.imageHeight).isEqualTo(240);
                frames++;
            }
            g.stop();
        }
        return frames;
    }

    /** Runs {@code ffmpeg -rtsp_transport tcp -i URL -t 2 -c copy -f <format>} and returns the output. */
    private byte[] copy(final String url, final String format) throws Exception {
        final Path out = tmp.resolve("out." + format);
        final Process p = FfmpegBinary.command("-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-i", url, "-t", "2", "-c", "copy", "-f", format, "-y", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("ffmpeg.log").toFile()).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ffmpeg did not finish: " + Files.readString(tmp.resolve("ffmpeg.log")));
        }
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("ffmpeg.log"))).isZero();
        return Files.readAllBytes(out);
    }

    private static int indexOf(final byte[] haystack, final byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
