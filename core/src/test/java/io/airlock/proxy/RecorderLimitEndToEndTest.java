package io.airlock.proxy;

import io.airlock.metrics.AirlockMetrics;
import io.airlock.metrics.PrometheusText;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code limits.max_recorders: 1}: FFmpeg, arriving second, is refused (453) and counted while the first recorder
 * streams on without a gap; once that recorder leaves, FFmpeg gets the slot.
 */
class RecorderLimitEndToEndTest {

    @Test
    void shouldRefuseTheRecorderBeyondMaxRecordersUntilASlotFreesUp() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 AirlockMetrics metrics = new AirlockMetrics()) {
                String yaml = E2eHarness.yaml(E2eHarness.freePort(), sim.urls().get(0), "tcp")
                        + "limits:\n  max_recorders: 1\n";
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                ProxyRuntime runtime = ProxyRuntime.create(E2eHarness.config(yaml, name -> null), f -> { },
                        new PrintStream(log, true, StandardCharsets.UTF_8), metrics);
                try {
                    runtime.start();
                    awaitCamera(runtime);
                    String url = runtime.urls().get(0);
                    try (RawRtspClient first = new RawRtspClient(runtime.server().port())) {
                        first.playInterleaved(url);
                        CompletableFuture<E2eHarness.Sequence> streamed = E2eHarness.async(() -> {
                            try {
                                return E2eHarness.Sequence.read(first, 3000);
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        assertThatThrownBy(() -> open(url)).isInstanceOf(FrameGrabber.Exception.class);
                        E2eHarness.Sequence s = streamed.get(15, TimeUnit.SECONDS);
                        assertThat(s.seqs.size()).as("first recorder's packets meanwhile").isGreaterThan(50);
                        assertThat(s.gaps).as("first recorder meanwhile: %s", s).isZero();
                        PrometheusText text = PrometheusText.parse(metrics.scrape());
                        // Positive rather than 1: FFmpeg may try its SETUP more than once before it gives up.
                        assertThat(text.value("airlock_recorder_limit_refusals_total")).isPositive();
                        assertThat(text.value("airlock_recorder_sessions_served")).isEqualTo(1);
                        assertThat(text.value("airlock_recorder_sessions_limit")).isEqualTo(1);
                        assertThat(log.toString(StandardCharsets.UTF_8)).as("the operator is told, once")
                                .containsOnlyOnce("airlock: recorder limit reached: refused a SETUP from 127.0.0.1");
                    }
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (runtime.server().sessions() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(E2eHarness.decode(url, 10, TimeUnit.SECONDS.toNanos(5)))
                            .as("frames FFmpeg decodes once the first recorder has left").isEqualTo(10);
                } finally {
                    runtime.close();
                }
            }
        });
    }

    private static void open(String url) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(url)) {
            g.setOption("rtsp_transport", "tcp");
            g.setOption("timeout", "5000000");
            g.start();
            g.stop();
        }
    }

    private static void awaitCamera(ProxyRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runtime.camerasConnected() < 1) {
            assertThat(System.nanoTime()).as("camera connected within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
