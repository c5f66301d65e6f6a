package io.airlock.proxy;

import io.airlock.rtsp.AuthenticateHeader;
import io.airlock.rtsp.auth.DigestAlgorithm;
import io.airlock.rtsp.auth.DigestCredentials;
import io.airlock.server.Authenticator;
import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import io.airlock.support.TestPaths;
import io.airlock.testdata.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code airlock demo} and {@code airlock run} in-process, with real recorders pulling meanwhile. */
class CliEndToEndTest {

    private static final String CAMERA_PASSWORD = "Cam-Pa55word-e2e-7f3a";
    private static final String DEMO_URL = "rtsp://127.0.0.1:8554/demo";

    @TempDir
    Path tmp;

    @Test
    void shouldPrintUrlAndMed02FindingFromDemoWhileFfmpegPulls() {
        Assumptions.assumeTrue(free(8554) && free(18554), "ports 8554/18554 busy: airlock demo cannot run here");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CompletableFuture<Integer> pulled = E2eHarness.async(() -> pullFrames(DEMO_URL, 25));
            CliRun run = CliRun.of("demo", "--duration", "8");
            int frames = pulled.get(10, TimeUnit.SECONDS);
            assertThat(run.exit()).as("exit; stderr: %s", run.err()).isZero();
            assertThat(run.outLines()).as("stdout").anyMatch(l -> l.contains(DEMO_URL));
            assertThat(run.outLines()).as("stdout: where Prometheus scrapes")
                    .anyMatch(l -> l.matches(".*http://127\\.0\\.0\\.1:\\d+/metrics.*"));
            assertThat(run.outLines()).as("stdout finding lines").anyMatch(l -> l.contains("MED-02"));
            assertThat(frames).as("frames FFmpeg decoded from %s during the demo", DEMO_URL).isGreaterThanOrEqualTo(25);
        });
    }

    @Test
    void shouldNeverPrintTheCameraPasswordReadFromASecretFile() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            AtomicInteger admitted = new AtomicInteger();
            RtspServerConfig cameraConfig = new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0))
                    .authenticator(new DigestCamera("admin", CAMERA_PASSWORD, admitted));
            try (CameraSimulator sim = CameraSimulator.start(cameraConfig, Vendor.HIKVISION,
                    CameraSimulator.DEFAULT_FPS, List.of(TestPaths.testData(E2eHarness.CLIP)))) {
                Files.writeString(tmp.resolve("camera-password"), CAMERA_PASSWORD + "\n");
                int port = E2eHarness.freePort();
                Path config = tmp.resolve("airlock.yaml");
                Files.writeString(config, E2eHarness.listen(port)
                        + "cameras:\n"
                        + "  - name: cam\n"
                        + "    url: " + sim.urls().get(0) + "\n"
                        + "    username: admin\n"
                        + "    password: {file: camera-password}\n"
                        + "    transport: tcp\n"
                        + "    recorders: [local]\n"
                        + "recorders:\n"
                        + "  - name: local\n"
                        + "    addresses: [127.0.0.0/8]\n");
                String url = "rtsp://127.0.0.1:" + port + "/cam";
                CompletableFuture<Integer> pulled = E2eHarness.async(() -> pullFrames(url, 25));
                CliRun run = CliRun.of("run", "--config", config.toString(), "--duration", "6");
                int frames = pulled.get(10, TimeUnit.SECONDS);
                assertThat(run.exit()).as("exit; stderr: %s", run.err()).isZero();
                assertThat(admitted.get()).as("camera requests admitted by Digest").isGreaterThan(0);
                assertThat(frames).as("frames pulled through airlock run").isGreaterThanOrEqualTo(25);
                assertThat(run.out()).as("stdout (findings included)").contains("serving " + url)
                        .doesNotContain(CAMERA_PASSWORD);
                assertThat(run.outLines()).anyMatch(l -> l.matches("metrics at http://127\\.0\\.0\\.1:\\d+/metrics"));
                assertThat(run.err()).as("stderr").doesNotContain(CAMERA_PASSWORD);
            }
        });
    }

    @Test
    void shouldStopWithOneLineBeforeContactingACameraWhenTheManagementPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket();
             CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION)) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Path config = tmp.resolve("airlock.yaml");
            String yaml = E2eHarness.yaml(E2eHarness.freePort(), sim.urls().get(0), "tcp");
            Files.writeString(config, yaml.replaceFirst("management: 127\\.0\\.0\\.1:\\d+",
                    "management: 127.0.0.1:" + taken.getLocalPort()));
            CliRun run = CliRun.of("run", "--config", config.toString(), "--duration", "5");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.errLines()).as("stderr").containsExactly("airlock: cannot listen for management on"
                    + " 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
            assertThat(sim.server().connections()).as("connections to the camera").isZero();
        }
    }

    /** Waits for the URL's port, then decodes up to {@code want} frames; returns how many decoded. */
    private static int pullFrames(String url, int want) {
        URIParts parts = URIParts.of(url);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (free(parts.port) && System.nanoTime() < deadline) {
            sleep(100);
        }
        sleep(1500);
        return E2eHarness.decode(url, want, Long.MAX_VALUE);
    }

    private static boolean free(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return false;
        } catch (IOException e) {
            try (ServerSocket ss = new ServerSocket()) {
                ss.bind(new InetSocketAddress("127.0.0.1", port));
                return true;
            } catch (IOException busy) {
                return false;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record URIParts(int port) {
        static URIParts of(String url) {
            return new URIParts(java.net.URI.create(url).getPort());
        }
    }

    /** A camera that wants RTSP Digest for {@code username}/{@code password}. */
    private static final class DigestCamera implements Authenticator {
        private static final String REALM = "IP Camera(E2E)";
        private static final String NONCE = "6b1e2d0c9a8f";
        private final DigestCredentials credentials;
        private final AtomicInteger admitted;
        private final AuthenticateHeader header = new AuthenticateHeader();

        DigestCamera(String username, String password, AtomicInteger admitted) {
            this.credentials = new DigestCredentials(username, password.toCharArray());
            this.admitted = admitted;
        }

        @Override
        public synchronized String challenge(InetSocketAddress peer, io.netty.handler.codec.http.HttpRequest r) {
            String value = r.headers().get("Authorization");
            if (value != null && header.parse(value) == null && header.challengeCount() > 0 && header.isDigest(0)
                    && credentials.username().equals(header.param(0, "username"))
                    && credentials.verify(DigestAlgorithm.MD5, REALM, NONCE, r.method().name(),
                    String.valueOf(header.param(0, "uri")), null, null, 0, header.param(0, "response"))) {
                admitted.incrementAndGet();
                return null;
            }
            return "Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\"";
        }
    }

}
