package io.airlock.proxy;

import io.airlock.support.FfmpegBinary;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * FFmpeg as the recorder pulls the simulator's HiSilicon clip through Airlock, over every combination of recorder
 * transport and camera transport: every grabbed frame decodes, the SEI bytes arrive unchanged, and a raw interleaved
 * recorder pulling at the same time sees contiguous RTP sequence numbers.
 */
class FfmpegRecorderEndToEndTest {

    private static final int MIN_FRAMES = 50;
    private static final long GRAB_NANOS = TimeUnit.MILLISECONDS.toNanos(3500);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "recorder {0}, camera {1}")
    @CsvSource({"tcp, tcp", "tcp, udp", "udp, tcp", "udp, udp"})
    void shouldDeliverDecodableFramesSeiAndContiguousSequenceNumbers(String recorder, String camera) {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                         sim.urls().get(0), camera))) {
                proxy.awaitCameras(10_000);
                String url = proxy.url();
                CompletableFuture<E2eHarness.Sequence> raw = E2eHarness.async(() -> {
                    try (RawRtspClient c = new RawRtspClient(proxy.runtime.server().port())) {
                        c.playInterleaved(url);
                        return E2eHarness.Sequence.read(c, 3000);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                int frames = grab(url, recorder);
                E2eHarness.Sequence seq = raw.get(15, TimeUnit.SECONDS);
                assertThat(frames).as("frames decoded by FFmpeg over %s", recorder).isGreaterThanOrEqualTo(MIN_FRAMES);
                assertThat(seq.seqs.size()).as("raw recorder packets in 3 s").isGreaterThanOrEqualTo(60);
                assertThat(seq.gaps).as("sequence gaps: %s", seq).isZero();
                byte[] copied = copy(url, recorder);
                assertThat(indexOf(copied, E2eHarness.H264_SEI_229)).as("SEI 229 bytes in ffmpeg -c copy output")
                        .isGreaterThanOrEqualTo(0);
            }
        });
    }

    /** Frames decoded in about 3.5 s (stops at 75); a null image from the video grab loop fails. */
    private static int grab(String url, String transport) throws Exception {
        int frames = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(url)) {
            g.setOption("rtsp_transport", transport);
            g.setOption("timeout", "5000000");
            g.start();
            long deadline = System.nanoTime() + GRAB_NANOS;
            while (System.nanoTime() < deadline && frames < 75) {
                Frame f = g.grabImage();
                assertThat(f).as("frame %d from the video grab loop", frames).isNotNull();
                assertThat(f.image).as("image of frame %d", frames).isNotNull();
                assertThat(f.imageWidth).isEqualTo(320);
                assertThat(f.imageHeight).isEqualTo(240);
                frames++;
            }
            g.stop();
        }
        return frames;
    }

    /** {@code ffmpeg -rtsp_transport T -i URL -t 2 -c copy -f h264 out.h264}. */
    private byte[] copy(String url, String transport) throws Exception {
        Path out = tmp.resolve("out-" + transport + ".h264");
        Path log = tmp.resolve("ffmpeg-" + transport + ".log");
        Process p = FfmpegBinary.command("-hide_banner", "-loglevel", "error", "-rtsp_transport", transport,
                "-i", url, "-t", "2", "-c", "copy", "-f", "h264", "-y", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ffmpeg did not finish: " + Files.readString(log));
        }
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return Files.readAllBytes(out);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
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
