package io.airlock.proxy;

import io.airlock.config.AirlockConfig;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.config.PipelineConfig;
import io.airlock.management.Health;
import io.airlock.management.HttpProbe;
import io.airlock.management.ManagementServer;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.metrics.PrometheusText;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The simulator's HiSilicon clip through Airlock to real recorders (FFmpeg, then a raw interleaved client), with
 * {@code /metrics} and {@code /health} scraped from the management listener as it goes.
 */
class MetricsEndToEndTest {

    private static final String TOKEN = "e2e-Management-Token-5c1f";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]{0,4}:[0-9a-fA-F:]*:[0-9a-fA-F]{0,4}");
    /** Packets counted out but not yet read by the recorder when it is scraped: egress queue plus socket buffers. */
    private static final int IN_FLIGHT = 64;
    private static final String[] CAM = {"camera", "cam", "profile", ""};

    @Test
    void shouldCountWhatTheRecordersReceiveAndFlipReadinessWhenTheCameraConnects() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 AirlockMetrics metrics = new AirlockMetrics()) {
                AirlockConfig config = config(sim.urls().get(0));
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                ProxyRuntime runtime = ProxyRuntime.create(config, f -> { }, new PrintStream(log, true,
                        StandardCharsets.UTF_8), metrics);
                InetSocketAddress at = new InetSocketAddress(config.listen().management().address(),
                        config.listen().management().port());
                try (ManagementServer management = ManagementServer.start(at, config.listen().managementToken(),
                        metrics, () -> Health.of(runtime.streams()), null)) {
                    InetSocketAddress m = management.address();
                    assertThat(HttpProbe.get(m, "/metrics").status).as("no token").isEqualTo(401);
                    HttpProbe.Response before = get(m, "/health");
                    assertThat(before.status).as("before the camera connects: %s", before).isEqualTo(503);
                    assertThat(before.body).contains("\"configured\":1,\"connected\":0");

                    runtime.start();
                    awaitReady(m);
                    ffmpegWhileScraping(runtime, m);
                    rawRecorderCountedExactly(runtime, m);
                } finally {
                    runtime.close();
                }
            }
        });
    }

    private static void ffmpegWhileScraping(ProxyRuntime runtime, InetSocketAddress m) throws Exception {
        AtomicBoolean grabbing = new AtomicBoolean(true);
        CompletableFuture<Integer> frames = E2eHarness.async(() -> {
            try {
                return E2eHarness.decode(runtime.urls().get(0), 75, TimeUnit.SECONDS.toNanos(3));
            } finally {
                grabbing.set(false);
            }
        });
        int sessionsSeen = 0;
        double inbound = -1;
        while (grabbing.get()) {
            PrometheusText text = scrape(m);
            sessionsSeen = Math.max(sessionsSeen, (int) text.value("airlock_recorder_sessions", CAM));
            double now = text.value("airlock_stream_inbound_packets_total", CAM);
            assertThat(now).as("inbound packets only grow").isGreaterThanOrEqualTo(inbound);
            inbound = now;
            Thread.sleep(250);
        }
        assertThat(frames.get(20, TimeUnit.SECONDS)).as("frames FFmpeg decoded").isGreaterThanOrEqualTo(25);
        assertThat(sessionsSeen).as("FFmpeg seen as a recorder session").isEqualTo(1);

        PrometheusText text = scrape(m);
        assertThat(text.value("airlock_camera_connected", CAM)).isEqualTo(1);
        assertThat(text.value("airlock_video_frames_total", CAM)).isPositive();
        assertThat(text.value("airlock_video_keyframes_total", CAM)).isPositive();
        assertThat(text.value("airlock_sei_messages_total", "camera", "cam", "payload_type", "229")).isPositive();
        assertThat(text.value("airlock_findings_total", "camera", "cam", "rule", "MED-02")).isPositive();
        assertThat(text.value("airlock_rtp_lost_packets_total", CAM)).as("loopback loses nothing").isZero();
        assertThat(text.value("airlock_rtp_jitter_seconds", CAM)).isNotNegative().isFinite();
        assertThat(text.value("airlock_pipeline_latency_seconds_count")).isPositive();
        assertThat(text.value("airlock_pipeline_ring_capacity")).isEqualTo(PipelineConfig.DEFAULT_RING_SIZE);
        assertThat(text.value("airlock_pipeline_ring_remaining")).isPositive()
                .isLessThanOrEqualTo(PipelineConfig.DEFAULT_RING_SIZE);
        assertThat(text.value("airlock_rtcp_sender_reports_total", CAM)).as("the simulator reports once a second")
                .isPositive();
        assertThat(text.value("airlock_camera_rejected_packets_total", CAM)).isZero();
        assertThat(text.value("airlock_rtsp_rejected_connections_total", "reason", "pipeline_flood")).isZero();
        assertThat(text.value("airlock_rtsp_idle_connections_closed_total")).isZero();
        assertThat(text.value("airlock_recorder_port_unreachable_total")).isZero();
        assertLabelsHoldNoAddress(text);
    }

    /** A raw recorder on TCP interleaved: what the counters say went out is what arrived, but for what is in flight. */
    private static void rawRecorderCountedExactly(ProxyRuntime runtime, InetSocketAddress m) throws Exception {
        awaitNoRecorder(m);
        double before = scrape(m).value("airlock_stream_outbound_packets_total", CAM);
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (RawRtspClient c = new RawRtspClient(runtime.server().port())) {
            c.playInterleaved(runtime.urls().get(0));
            CompletableFuture<Void> reader = E2eHarness.run(() -> {
                try {
                    while (!stop.get()) {
                        byte[] f = c.frame();
                        if (f == null) {
                            return;
                        }
                        if (f[0] == 0) {
                            received.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // The socket closed under the reader at the end of the test.
                }
            });
            Thread.sleep(3000);
            int got = received.get();
            double out = scrape(m).value("airlock_stream_outbound_packets_total", CAM) - before;
            stop.set(true);
            assertThat(got).as("packets the raw recorder read in 3 s").isGreaterThanOrEqualTo(60);
            assertThat(out).as("counted out vs %d received", got).isGreaterThanOrEqualTo(got)
                    .isLessThanOrEqualTo(got + IN_FLIGHT);
            c.close();
            reader.get(5, TimeUnit.SECONDS);
        }
        assertThat(scrape(m).value("airlock_recorder_dropped_packets_total", CAM)).isZero();
    }

    private static AirlockConfig config(String cameraUrl) {
        String camera = E2eHarness.yaml(E2eHarness.freePort(), cameraUrl, "tcp");
        int cameras = camera.indexOf("cameras:");
        String yaml = camera.substring(0, cameras) + "  management_token: {env: AIRLOCK_MANAGEMENT_TOKEN}\n"
                + camera.substring(cameras);
        ConfigResult r = ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "e2e.yaml", null,
                name -> name.equals("AIRLOCK_MANAGEMENT_TOKEN") ? TOKEN : null);
        assertThat(r.ok()).as(r.describe()).isTrue();
        return r.config();
    }

    private static void awaitReady(InetSocketAddress m) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpProbe.Response r;
        while ((r = get(m, "/health/ready")).status != 200) {
            assertThat(System.nanoTime()).as("ready within 10 s: %s", r).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(r.body).contains("\"ready\":true", "\"configured\":1,\"connected\":1");
    }

    private static void awaitNoRecorder(InetSocketAddress m) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (scrape(m).value("airlock_recorder_sessions", CAM) != 0) {
            assertThat(System.nanoTime()).as("FFmpeg's session gone within 5 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void assertLabelsHoldNoAddress(PrometheusText text) {
        for (PrometheusText.Family f : text.families().values()) {
            for (PrometheusText.Sample s : f.samples()) {
                for (String value : s.labels().values()) {
                    assertThat(IPV4.matcher(value).find() || IPV6.matcher(value).find())
                            .as("label value %s of %s", value, s.name()).isFalse();
                }
            }
        }
    }

    private static PrometheusText scrape(InetSocketAddress m) throws IOException {
        HttpProbe.Response r = get(m, "/metrics");
        assertThat(r.status).isEqualTo(200);
        return PrometheusText.parse(r.body);
    }

    private static HttpProbe.Response get(InetSocketAddress m, String path) throws IOException {
        return HttpProbe.get(m, path, "Authorization: Bearer " + TOKEN);
    }
}
