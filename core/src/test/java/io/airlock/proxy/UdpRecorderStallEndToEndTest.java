package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A UDP recorder whose RTP port is closed gets ICMP port unreachable back for what Airlock sends; that counts as
 * taking nothing, so after {@code limits.recorder_stall} it is disconnected like a stalled TCP recorder: RTSP-06, its
 * session gone, its RTSP connection closed. Real sockets on loopback.
 */
class UdpRecorderStallEndToEndTest {

    private static String yaml(int rtspPort, String cameraUrl) {
        return E2eHarness.yaml(rtspPort, cameraUrl, "tcp") + "limits:\n  recorder_stall: 300ms\n";
    }

    @Test
    void shouldDisconnectARecorderThatSetUpClientPortsNobodyListensOn() {
        assertTimeoutPreemptively(Duration.ofSeconds(25), () -> {
            int nobody;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                nobody = probe.getLocalPort();
            }
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(yaml(E2eHarness.freePort(), sim.urls().get(0)))
                         .awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                play(recorder, proxy.url(), nobody);
                assertDisconnected(proxy, recorder);
            }
        });
    }

    @Test
    void shouldDisconnectARecorderThatClosedItsReceivingSocket() {
        assertTimeoutPreemptively(Duration.ofSeconds(25), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(yaml(E2eHarness.freePort(), sim.urls().get(0)))
                         .awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                InetSocketAddress port;
                try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                    rtp.setSoTimeout(5000);
                    port = (InetSocketAddress) rtp.getLocalSocketAddress();
                    play(recorder, proxy.url(), rtp.getLocalPort());
                    DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
                    rtp.receive(d);
                    assertThat(d.getLength()).as("RTP while the socket is open").isGreaterThan(12);
                }
                assertThat(proxy.runtime.server().sessions()).isEqualTo(1);
                assertDisconnected(proxy, recorder);
                try (DatagramSocket again = new DatagramSocket(port)) {
                    again.setSoTimeout(500);
                    assertThatThrownBy(() -> again.receive(new DatagramPacket(new byte[2048], 2048)))
                            .as("nothing is sent once the recorder is disconnected")
                            .isInstanceOf(SocketTimeoutException.class);
                }
            }
        });
    }

    private static void play(RawRtspClient recorder, String url, int rtpPort) throws Exception {
        RawRtspClient.Reply setup = recorder.request("SETUP", url + "/trackID=1",
                "Transport: RTP/AVP;unicast;client_port=" + rtpPort + "-" + (rtpPort + 1));
        assertThat(setup.status).as(setup.head).isEqualTo(200);
        RawRtspClient.Reply play = recorder.request("PLAY", url, "Range: npt=0.000-");
        assertThat(play.status).as(play.head).isEqualTo(200);
    }

    private static void assertDisconnected(E2eHarness.Proxy proxy, RawRtspClient recorder) throws Exception {
        recorder.socket.setSoTimeout(10_000);
        assertThat(recorder.closedByPeer()).as("the recorder's RTSP connection is closed").isTrue();
        // The finding is raised just after the disconnect, on another thread.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((proxy.runtime.server().sessions() > 0 || proxy.findings("RTSP-06").isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(proxy.runtime.server().sessions()).as("sessions left").isZero();
        assertThat(proxy.findings("RTSP-06")).as("RTSP-06 findings").isNotEmpty();
        assertThat(proxy.runtime.server().portUnreachable()).as("ICMP port unreachable counted").isPositive();
    }
}
