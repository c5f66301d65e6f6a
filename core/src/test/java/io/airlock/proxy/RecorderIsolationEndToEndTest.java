package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** One recorder that stops reading must cost the other recorders of the same camera nothing. */
class RecorderIsolationEndToEndTest {

    @Test
    void shouldKeepFeedingOneRecorderWhileAnotherStallsOnTheSameCamera() {
        assertTimeoutPreemptively(Duration.ofSeconds(25), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                         sim.urls().get(0), "tcp")).awaitCameras(10_000);
                 Socket stalledSocket = smallWindow();
                 RawRtspClient healthy = new RawRtspClient(proxy.runtime.server().port())) {
                stalledSocket.connect(new InetSocketAddress("127.0.0.1", proxy.runtime.server().port()), 5000);
                String url = proxy.url();
                // The stalled recorder: SETUP and PLAY written in one go, then never a byte read.
                stalledSocket.getOutputStream().write(("SETUP " + url + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                        + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n").getBytes());
                Thread.sleep(300);
                healthy.playInterleaved(url);
                E2eHarness.Sequence warmup = E2eHarness.Sequence.read(healthy, 300);
                String session = sessionOf(stalledSocket);
                stalledSocket.getOutputStream().write(("PLAY " + url + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session
                        + "\r\n\r\n").getBytes());
                E2eHarness.Sequence s = E2eHarness.Sequence.read(healthy, 4000);
                assertThat(warmup.seqs.size() + s.seqs.size()).as("healthy recorder packets").isGreaterThan(80);
                assertThat(s.gaps).as("healthy recorder while the other stalls: %s", s).isZero();
            }
        });
    }

    private static Socket smallWindow() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.setSoTimeout(5000);
        return s;
    }

    /** Reads just the SETUP reply head of the stalled client and returns its session id. */
    private static String sessionOf(Socket s) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = s.getInputStream().read();
            if (c < 0) {
                throw new IOException("closed before the SETUP reply: " + head);
            }
            head.append((char) c);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Session:", 0, 8)) {
                return line.substring(8).split(";")[0].trim();
            }
        }
        throw new IOException("no Session in " + head);
    }
}
