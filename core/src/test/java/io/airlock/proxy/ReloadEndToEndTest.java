package io.airlock.proxy;

import io.airlock.config.ReloadResult;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.metrics.PrometheusText;
import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import io.airlock.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Reloading a running proxy with real cameras and recorders on loopback: what the change does not touch keeps
 * streaming without a gap, what it removes ends, what it adds can be pulled.
 */
class ReloadEndToEndTest {

    @TempDir
    Path tmp;

    private static String camera(String name, CameraSimulator sim, String recorders) {
        return "  - name: " + name + "\n    url: " + sim.urls().get(0) + "\n    transport: tcp\n"
                + "    recorders: [" + recorders + "]\n";
    }

    private static String recorders() {
        return "recorders:\n  - name: local\n    addresses: [127.0.0.1/32]\n"
                + "  - name: other\n    addresses: [127.0.0.2/32]\n";
    }

    /** Reads the recorder's RTP for {@code millis} on a thread of its own. */
    private static CompletableFuture<E2eHarness.Sequence> reading(RawRtspClient recorder, long millis) {
        return E2eHarness.async(() -> {
            try {
                return E2eHarness.Sequence.read(recorder, millis);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void shouldAddRemoveAndRestartCamerasWhileTheUntouchedOneStreamsWithoutAGap() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            SeenRequests keepSeen = new SeenRequests();
            SeenRequests goneSeen = new SeenRequests();
            SeenRequests movedSeen = new SeenRequests();
            try (CameraSimulator keep = E2eHarness.camera(Vendor.HIKVISION, keepSeen);
                 CameraSimulator gone = E2eHarness.camera(Vendor.HIKVISION, goneSeen);
                 CameraSimulator moved = E2eHarness.camera(Vendor.HIKVISION, movedSeen);
                 CameraSimulator movedTo = E2eHarness.camera(Vendor.HIKVISION, new SeenRequests());
                 CameraSimulator fresh = E2eHarness.camera(Vendor.HIKVISION, new SeenRequests())) {
                String listen = E2eHarness.listen(E2eHarness.freePort());
                String before = listen + "cameras:\n" + camera("keep", keep, "local") + camera("gone", gone, "local")
                        + camera("moved", moved, "local") + recorders();
                String after = listen + "cameras:\n" + camera("keep", keep, "local")
                        + camera("moved", movedTo, "local") + camera("fresh", fresh, "local") + recorders();
                try (E2eHarness.Proxy proxy = E2eHarness.proxy(before).awaitCameras(10_000);
                     RawRtspClient keepRecorder = new RawRtspClient(proxy.runtime.server().port());
                     RawRtspClient goneRecorder = new RawRtspClient(proxy.runtime.server().port());
                     RawRtspClient movedRecorder = new RawRtspClient(proxy.runtime.server().port())) {
                    String base = "rtsp://127.0.0.1:" + proxy.runtime.server().port() + "/";
                    keepRecorder.playInterleaved(base + "keep");
                    goneRecorder.playInterleaved(base + "gone");
                    movedRecorder.playInterleaved(base + "moved");
                    E2eHarness.Sequence movedBefore = E2eHarness.Sequence.read(movedRecorder, 1000);
                    CompletableFuture<E2eHarness.Sequence> keepStream = reading(keepRecorder, 5000);
                    Thread.sleep(1500);

                    ReloadResult result = proxy.runtime.reload(E2eHarness.config(after, name -> null));

                    assertThat(result.ok()).isTrue();
                    assertThat(result.changes()).containsExactly("camera gone removed",
                            "camera moved restarted: url changed", "camera fresh added: " + fresh.urls().get(0),
                            "camera gone: closed 1 recorder session (stream removed)");
                    assertThat(goneSeen.await("TEARDOWN", 3000)).as("removed camera got TEARDOWN: %s", goneSeen)
                            .isTrue();
                    assertThat(goneRecorder.closedByPeer()).as("removed camera's recorder connection").isTrue();
                    try (RawRtspClient freshRecorder = new RawRtspClient(proxy.runtime.server().port())) {
                        proxy.awaitCameras(10_000);
                        freshRecorder.playInterleaved(base + "fresh");
                        assertThat(E2eHarness.Sequence.read(freshRecorder, 1500).seqs).as("added camera").isNotEmpty();
                    }
                    movedRecorder.socket.setSoTimeout(10_000);
                    E2eHarness.Sequence movedAfter = E2eHarness.Sequence.read(movedRecorder, 2000);
                    assertThat(movedSeen.await("TEARDOWN", 3000)).as("moved camera's old URL got TEARDOWN").isTrue();
                    assertThat(new HashSet<>(movedAfter.ssrcs)).as("restarted camera's SSRC for its recorder")
                            .containsExactly(movedBefore.ssrcs.get(0));

                    E2eHarness.Sequence kept = keepStream.get(10, TimeUnit.SECONDS);
                    assertThat(kept.gaps).as("untouched camera across the reload: %s", kept).isZero();
                    assertThat(kept.seqs.size()).as("untouched camera packets over 5 s").isGreaterThan(100);
                    assertThat(keepSeen.count("SETUP")).as("untouched camera's requests: %s", keepSeen).isEqualTo(1);
                    assertThat(keepSeen.count("TEARDOWN")).isZero();
                    assertThat(proxy.runtime.urls()).containsExactly(base + "keep", base + "moved", base + "fresh");
                }
            }
        });
    }

    @Test
    void shouldEndARemovedCamerasSeriesAndMeasureItAfreshWhenItComesBack() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator gate = E2eHarness.camera(Vendor.HIKVISION, new SeenRequests());
                 CameraSimulator yard = E2eHarness.camera(Vendor.HIKVISION, new SeenRequests());
                 AirlockMetrics metrics = new AirlockMetrics()) {
                String listen = E2eHarness.listen(E2eHarness.freePort());
                String both = listen + "cameras:\n" + camera("gate", gate, "local") + camera("yard", yard, "local")
                        + recorders();
                String yardOnly = listen + "cameras:\n" + camera("yard", yard, "local") + recorders();
                ProxyRuntime runtime = ProxyRuntime.create(E2eHarness.config(both, name -> null), f -> { },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), metrics);
                try {
                    runtime.start();
                    awaitConnected(metrics, 1);

                    assertThat(runtime.reload(E2eHarness.config(yardOnly, name -> null)).ok()).isTrue();
                    String scrape = metrics.scrape();
                    assertThat(scrape.lines().filter(l -> l.contains("camera=\"gate\"")))
                            .as("the removed camera's series: only the findings it raised stay counted")
                            .allMatch(l -> l.startsWith("airlock_findings_total{"));
                    assertThat(scrape).contains("airlock_camera_connected{camera=\"yard\"");

                    assertThat(runtime.reload(E2eHarness.config(both, name -> null)).ok()).isTrue();
                    // Its old meters would read the torn-down session: never connected again.
                    awaitConnected(metrics, 1);
                } finally {
                    runtime.close();
                }
            }
        });
    }

    /** Waits until the gate camera's connected gauge reads {@code value}. */
    private static void awaitConnected(AirlockMetrics metrics, double value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String[] gate = {"camera", "gate", "profile", ""};
        while (PrometheusText.parse(metrics.scrape()).value("airlock_camera_connected", gate) != value) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gate's airlock_camera_connected never read " + value);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void shouldCloseOnlyTheRecorderSessionsNoLongerAdmitted() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION)) {
                String listen = E2eHarness.listen(E2eHarness.freePort());
                try (E2eHarness.Proxy proxy = E2eHarness.proxy(listen + "cameras:\n"
                        + camera("cam", sim, "local, other") + recorders()).awaitCameras(10_000);
                     RawRtspClient stays = new RawRtspClient(proxy.runtime.server().port());
                     RawRtspClient dropped = new RawRtspClient(proxy.runtime.server().port(), "127.0.0.2")) {
                    stays.playInterleaved(proxy.url());
                    dropped.playInterleaved(proxy.url());
                    CompletableFuture<E2eHarness.Sequence> staying = reading(stays, 3000);
                    Thread.sleep(1000);

                    ReloadResult result = proxy.runtime.reload(E2eHarness.config(listen + "cameras:\n"
                            + camera("cam", sim, "local") + recorders(), name -> null));

                    assertThat(result.changes()).containsExactly("camera cam recorders [local, other] -> [local]",
                            "camera cam: closed 1 recorder session (recorder no longer admitted)");
                    assertThat(dropped.closedByPeer()).isTrue();
                    try (RawRtspClient again = new RawRtspClient(proxy.runtime.server().port(), "127.0.0.2")) {
                        assertThat(again.request("DESCRIBE", proxy.url()).status).as("a new request from it")
                                .isEqualTo(401);
                    }
                    E2eHarness.Sequence s = staying.get(10, TimeUnit.SECONDS);
                    assertThat(s.gaps).as("the recorder still admitted: %s", s).isZero();
                    assertThat(s.seqs.size()).isGreaterThan(50);
                }
            }
        });
    }

    @Test
    void shouldEndRecorderSessionsWhenTheNewUrlServesOtherTracks() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator h264 = E2eHarness.camera(0, Vendor.HIKVISION);
                 CameraSimulator h265 = CameraSimulator.start(new RtspServerConfig()
                         .bind(new InetSocketAddress("127.0.0.1", 0)), Vendor.HIKVISION, CameraSimulator.DEFAULT_FPS,
                         List.of(TestPaths.testData("h265/hisilicon-sei229.h265")))) {
                String listen = E2eHarness.listen(E2eHarness.freePort());
                try (E2eHarness.Proxy proxy = E2eHarness.proxy(listen + "cameras:\n" + camera("cam", h264, "local")
                        + recorders()).awaitCameras(10_000);
                     RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                    recorder.playInterleaved(proxy.url());
                    assertThat(E2eHarness.Sequence.read(recorder, 500).seqs).isNotEmpty();

                    ReloadResult result = proxy.runtime.reload(E2eHarness.config(listen + "cameras:\n"
                            + camera("cam", h265, "local") + recorders(), name -> null));

                    assertThat(result.changes()).containsExactly("camera cam restarted: url changed");
                    recorder.socket.setSoTimeout(10_000);
                    assertThat(recorder.closedByPeer()).as("recorder set up for H.264 (log: %s)", proxy.log())
                            .isTrue();
                    assertThat(proxy.log()).contains("camera cam: the tracks changed");
                    try (RawRtspClient again = new RawRtspClient(proxy.runtime.server().port())) {
                        assertThat(again.request("DESCRIBE", proxy.url()).body).contains("H265/90000");
                    }
                }
            }
        });
    }

    @Test
    void shouldRefuseAFileWithProblemsAndKeepRunningTheConfigurationItHas() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION)) {
                String good = E2eHarness.listen(E2eHarness.freePort()) + "cameras:\n" + camera("cam", sim, "local")
                        + recorders();
                Path file = tmp.resolve("airlock.yaml");
                Files.writeString(file, good);
                try (E2eHarness.Proxy proxy = E2eHarness.proxy(good).awaitCameras(10_000);
                     RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                    Reloader reloader = new Reloader(file, proxy.runtime, proxy.logStream);
                    recorder.playInterleaved(proxy.url());
                    CompletableFuture<E2eHarness.Sequence> streaming = reading(recorder, 3000);
                    Thread.sleep(1000);
                    // An unknown key and the same camera twice.
                    Files.writeString(file, good.replace("recorders:\n  - name: local",
                            "  - name: cam\n    url: " + sim.urls().get(0) + "\n    recorders: [local]\n"
                                    + "    colour: red\nrecorders:\n  - name: local"));

                    ReloadResult refused = reloader.reload();

                    assertThat(refused.ok()).isFalse();
                    assertThat(refused.changes()).isEmpty();
                    assertThat(refused.errors()).hasSize(2)
                            .anyMatch(e -> e.startsWith(file + ":") && e.contains("unknown key 'colour'"))
                            .anyMatch(e -> e.startsWith(file + ":") && e.contains("camera 'cam' is defined twice"));
                    assertThat(proxy.log()).contains("reload refused: " + file + " has 2 problems; the running"
                            + " configuration stays");
                    E2eHarness.Sequence s = streaming.get(10, TimeUnit.SECONDS);
                    assertThat(s.gaps).as("streaming across the refused reload: %s", s).isZero();
                    assertThat(s.seqs.size()).isGreaterThan(50);

                    Files.writeString(file, good);
                    assertThat(reloader.reload().changes()).as("the running configuration is the first one").isEmpty();
                    assertThat(proxy.log()).contains("airlock: reloaded " + file + ": nothing changed");
                }
            }
        });
    }
}
