package io.airlock.proxy;

import io.airlock.server.Authenticator;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import io.netty.handler.codec.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code listen.rtp_ports} is the one UDP range of both sides: the camera sessions' {@code client_port} pairs and
 * the recorder sessions' {@code server_port} pairs all come from it, and a pair one side holds is skipped by the other.
 */
class RtpPortsEndToEndTest {

    private static final Pattern CLIENT_PORT = Pattern.compile("client_port=(\\d+)-(\\d+)");
    private static final Pattern SERVER_PORT = Pattern.compile("server_port=(\\d+)-(\\d+)");
    /** Six pairs for two camera tracks and two recorder tracks: random starts must meet and step aside. */
    private static final int PORTS = 12;

    /** The Transport header of every SETUP a simulated camera gets. */
    private static final class SetupTransports implements Authenticator {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public String challenge(InetSocketAddress peer, HttpRequest request) {
            if (request.method().name().equals("SETUP")) {
                seen.add(request.headers().get("Transport"));
            }
            return null;
        }
    }

    @Test
    void shouldTakeCameraAndRecorderUdpPortsFromTheConfiguredRange() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            SetupTransports first = new SetupTransports();
            SetupTransports second = new SetupTransports();
            int rtsp = E2eHarness.freePort();
            int management = E2eHarness.freePort();
            int low;
            do {
                low = 40_000 + 2 * ThreadLocalRandom.current().nextInt(4_000);
            } while (rtsp >= low && rtsp < low + PORTS || management >= low && management < low + PORTS);
            int high = low + PORTS - 1;
            try (CameraSimulator a = E2eHarness.camera(Vendor.HIKVISION, first);
                 CameraSimulator b = E2eHarness.camera(Vendor.GENERIC, second);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(yaml(rtsp, management, low, high,
                         a.urls().get(0), b.urls().get(0))).awaitCameras(15_000);
                 DatagramSocket r1 = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 DatagramSocket r2 = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 RawRtspClient c1 = new RawRtspClient(proxy.runtime.server().port());
                 RawRtspClient c2 = new RawRtspClient(proxy.runtime.server().port())) {
                List<Integer> pairs = new ArrayList<>();
                for (String t : List.of(only(first.seen), only(second.seen))) {
                    pairs.add(rtpPort(CLIENT_PORT, t, low, high));
                }
                List<String> urls = proxy.runtime.urls();
                pairs.add(rtpPort(SERVER_PORT, setup(c1, urls.get(0), r1), low, high));
                pairs.add(rtpPort(SERVER_PORT, setup(c2, urls.get(1), r2), low, high));
                assertThat(new HashSet<>(pairs)).as("pairs in use %s", pairs).hasSize(4);
            }
        });
    }

    private static String yaml(int rtsp, int management, int low, int high, String urlA, String urlB) {
        return "listen:\n"
                + "  rtsp: 127.0.0.1:" + rtsp + "\n"
                + "  rtp_ports: " + low + "-" + high + "\n"
                + "  management: 127.0.0.1:" + management + "\n"
                + "cameras:\n"
                + "  - name: a\n    url: " + urlA + "\n    transport: udp\n    recorders: [local]\n"
                + "  - name: b\n    url: " + urlB + "\n    transport: udp\n    recorders: [local]\n"
                + "recorders:\n"
                + "  - name: local\n"
                + "    addresses: [127.0.0.0/8]\n";
    }

    private static String only(List<String> transports) {
        assertThat(transports).as("camera SETUPs").hasSize(1);
        return transports.get(0);
    }

    private static String setup(RawRtspClient c, String url, DatagramSocket rtp) throws Exception {
        int p = rtp.getLocalPort();
        RawRtspClient.Reply r = c.request("SETUP", url + "/trackID=1",
                "Transport: RTP/AVP;unicast;client_port=" + p + "-" + (p + 1));
        assertThat(r.status).as(r.head).isEqualTo(200);
        return r.header("transport");
    }

    /** The even port of the pair {@code pattern} finds in {@code transport}, checked to lie in [low, high]. */
    private static int rtpPort(Pattern pattern, String transport, int low, int high) {
        Matcher m = pattern.matcher(transport);
        assertThat(m.find()).as("%s in %s", pattern, transport).isTrue();
        int rtp = Integer.parseInt(m.group(1));
        int rtcp = Integer.parseInt(m.group(2));
        assertThat(rtp).as("RTP port of %s", transport).isBetween(low, high).isEven();
        assertThat(rtcp).as("RTCP port of %s", transport).isEqualTo(rtp + 1).isLessThanOrEqualTo(high);
        return rtp;
    }
}
