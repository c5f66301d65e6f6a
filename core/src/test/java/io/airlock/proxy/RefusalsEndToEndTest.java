package io.airlock.proxy;

import io.airlock.alert.Finding;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What Airlock refuses, with real peers on loopback: redirected SETUPs, unknown recorders, foreign RTP. */
class RefusalsEndToEndTest {

    private static final String PASSWORD = "e2e-nvr-Secr3t";

    private static String yaml(int port, String cameraUrl, String transport) {
        return E2eHarness.listen(port)
                + "cameras:\n"
                + "  - name: cam\n"
                + "    url: " + cameraUrl + "\n"
                + "    transport: " + transport + "\n"
                + "    recorders: [nvr]\n"
                + "recorders:\n"
                + "  - name: nvr\n"
                + "    addresses: [127.0.0.1]\n"
                + "    username: nvr\n"
                + "    password: {env: NVR_PASSWORD}\n";
    }

    private static E2eHarness.Proxy proxy(CameraSimulator sim, String transport) throws InterruptedException {
        return E2eHarness.proxy(yaml(E2eHarness.freePort(), sim.urls().get(0), transport),
                name -> name.equals("NVR_PASSWORD") ? PASSWORD : null).awaitCameras(10_000);
    }

    @Test
    void shouldRefuseSetupWithThirdPartyDestinationWith461AndRaiseRtsp01() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC);
                 E2eHarness.Proxy proxy = proxy(sim, "tcp");
                 RawRtspClient c = new RawRtspClient(proxy.runtime.server().port()).credentials("nvr", PASSWORD)) {
                String url = proxy.url();
                assertThat(c.request("DESCRIBE", url, "Accept: application/sdp").status).isEqualTo(200);
                RawRtspClient.Reply setup = c.request("SETUP", url + "/trackID=1",
                        "Transport: RTP/AVP;unicast;destination=127.0.0.2;client_port=5000-5001");
                assertThat(setup.status).as(setup.head).isEqualTo(461);
                List<Finding> f = awaitFindings(proxy, "RTSP-01");
                assertThat(f).as("RTSP-01 findings").isNotEmpty();
                assertThat(f.get(0).toString()).contains("127.0.0.1");
            }
        });
    }

    @Test
    void shouldChallengeWithoutCredentialsRefuseWrongOnesWithRtsp05AndAdmitRightDigest() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC);
                 E2eHarness.Proxy proxy = proxy(sim, "tcp")) {
                String url = proxy.url();
                int port = proxy.runtime.server().port();
                try (RawRtspClient none = new RawRtspClient(port)) {
                    RawRtspClient.Reply r = none.request("DESCRIBE", url, "Accept: application/sdp");
                    assertThat(r.status).as(r.head).isEqualTo(401);
                    assertThat(r.header("www-authenticate")).startsWith("Digest ").contains("nonce=\"");
                }
                try (RawRtspClient wrong = new RawRtspClient(port).credentials("nvr", "not-the-password")) {
                    RawRtspClient.Reply r = wrong.request("DESCRIBE", url, "Accept: application/sdp");
                    assertThat(r.status).as("wrong password: " + r.head).isEqualTo(401);
                }
                List<Finding> f = awaitFindings(proxy, "RTSP-05");
                assertThat(f).as("RTSP-05 findings after wrong credentials").isNotEmpty();
                assertThat(f.toString()).contains("wrong credentials").doesNotContain(PASSWORD);
                try (RawRtspClient right = new RawRtspClient(port).credentials("nvr", PASSWORD)) {
                    right.playInterleaved(url);
                    E2eHarness.Sequence s = E2eHarness.Sequence.read(right, 1500);
                    assertThat(s.seqs).as("packets after Digest admission").isNotEmpty();
                    assertThat(s.gaps).as("%s", s).isZero();
                }
            }
        });
    }

    @Test
    void shouldRefuseRecorderFromAddressNotAllowedWith401AndRaiseRtsp05() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC);
                 E2eHarness.Proxy proxy = proxy(sim, "tcp");
                 RawRtspClient other = new RawRtspClient(proxy.runtime.server().port(), "127.0.0.2")
                         .credentials("nvr", PASSWORD)) {
                RawRtspClient.Reply r = other.request("DESCRIBE", proxy.url(), "Accept: application/sdp");
                assertThat(r.status).as("from 127.0.0.2 with the right password: " + r.head).isEqualTo(401);
                List<Finding> f = awaitFindings(proxy, "RTSP-05");
                assertThat(f).as("RTSP-05 findings").isNotEmpty();
                assertThat(f.toString()).contains("127.0.0.2");
            }
        });
    }

    @Test
    void shouldDropAndReportRtpInjectedAtTheCameraSessionPortFromAForeignPort() {
        assertTimeoutPreemptively(Duration.ofSeconds(25), () -> {
            Set<Integer> before = udpPorts();
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC);
                 E2eHarness.Proxy proxy = proxy(sim, "udp");
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port()).credentials("nvr",
                         PASSWORD);
                 DatagramSocket attacker = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                recorder.playInterleaved(proxy.url());
                Set<Integer> candidates = udpPorts();
                candidates.removeAll(before);
                candidates.remove(attacker.getLocalPort());
                // The camera side binds in listen.rtp_ports, as the recorder side does (that recorder plays TCP).
                int low = proxy.runtime.server().config().udpPortLow();
                int high = proxy.runtime.server().config().udpPortHigh();
                candidates.removeIf(p -> p < low || p > high || p % 2 != 0
                        || !udpPortsContain(p + 1));
                assertThat(candidates).as("camera-session RTP ports found in /proc/net/udp{,6}").isNotEmpty();
                CompletableFuture<byte[]> seen = E2eHarness.async(() -> readFor(recorder, 2500));
                byte[] rtp = injected();
                for (int i = 0; i < 20; i++) {
                    for (int p : candidates) {
                        attacker.send(new DatagramPacket(rtp, rtp.length, InetAddress.getLoopbackAddress(), p));
                    }
                    Thread.sleep(20);
                }
                List<Finding> f = awaitFindings(proxy, "RTSP-04");
                assertThat(f).as("RTSP-04 after RTP from 127.0.0.1:%d to %s", attacker.getLocalPort(), candidates)
                        .isNotEmpty();
                assertThat(f.get(0).details().toString()).as("finding detail")
                        .contains("127.0.0.1:" + attacker.getLocalPort());
                byte[] stream = seen.get(10, TimeUnit.SECONDS);
                assertThat(FfmpegRecorderEndToEndTest.indexOf(stream, "AIRLOCK-E2E-INJECTED".getBytes(
                        StandardCharsets.US_ASCII))).as("injected payload reached the recorder").isEqualTo(-1);
                assertThat(stream.length).as("recorder bytes while injecting").isGreaterThan(1000);
            }
        });
    }

    /** An RTP packet (PT 96) whose payload is a recognisable marker. */
    private static byte[] injected() {
        byte[] marker = "AIRLOCK-E2E-INJECTED".getBytes(StandardCharsets.US_ASCII);
        byte[] p = new byte[12 + 1 + marker.length];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = 0x12;
        p[3] = 0x34;
        p[8] = 0x0B;
        p[9] = (byte) 0xAD;
        p[10] = (byte) 0xF0;
        p[11] = 0x0D;
        p[12] = 0x06;
        System.arraycopy(marker, 0, p, 13, marker.length);
        return p;
    }

    private static byte[] readFor(RawRtspClient c, long millis) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                byte[] f = c.frame();
                if (f == null) {
                    break;
                }
                all.write(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all.toByteArray();
    }

    static List<Finding> awaitFindings(E2eHarness.Proxy proxy, String rule) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<Finding> f = proxy.findings(rule);
        while (f.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            f = proxy.findings(rule);
        }
        return f;
    }

    /** Local UDP ports bound on this machine, from /proc/net/udp and udp6 (Linux). */
    private static Set<Integer> udpPorts() throws IOException {
        Set<Integer> ports = new TreeSet<>();
        for (String file : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            Path p = Path.of(file);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 2 && cols[1].contains(":") && !cols[0].equals("sl")) {
                    ports.add(Integer.parseInt(cols[1].substring(cols[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static boolean udpPortsContain(int port) {
        try {
            return udpPorts().contains(port);
        } catch (IOException e) {
            return false;
        }
    }
}
