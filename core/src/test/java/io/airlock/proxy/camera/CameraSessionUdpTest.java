package io.airlock.proxy.camera;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.airlock.proxy.camera.CameraSessionTest.RTCP_AUDIO;
import static io.airlock.proxy.camera.CameraSessionTest.RTP_VIDEO;
import static org.assertj.core.api.Assertions.assertThat;

/** UDP sessions, source validation, AUTO fallback to TCP and redirects against {@link FakeCamera}. */
class CameraSessionUdpTest {

    static EventLoopGroup group;
    FakeCamera camera;
    CameraSession session;
    final RecordingListener listener = new RecordingListener();
    final int[] serverPorts = {freeEvenPort(), freeEvenPort()};
    String source = "127.0.0.1";

    @BeforeAll
    static void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.stop();
        }
        if (camera != null) {
            camera.close();
        }
        CameraSessionTest.assertNoSecret(listener);
    }

    static int freeEvenPort() {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket a = new DatagramSocket(0)) {
                final int p = a.getLocalPort();
                if ((p & 1) == 0) {
                    return p;
                }
            } catch (IOException e) {
                // try again
            }
        }
        throw new IllegalStateException("no free even UDP port");
    }

    /** Replies to UDP SETUPs with the server ports of the track and {@link #source}; echoes TCP SETUPs. */
    CameraScript udpScript() {
        final CameraScript script = new CameraScript();
        script.auth = CameraScript.Auth.MD5;
        script.transport = req -> {
            final String t = req.header("Transport");
            if (t.contains("TCP")) {
                return t;
            }
            final int s = serverPorts[req.uri().endsWith("trackID=1") ? 0 : 1];
            return t + ";server_port=" + s + "-" + (s + 1) + ";source=" + source + ";ssrc=0000ABCD";
        };
        return script;
    }

    void start(final CameraScript script, final TransportMode mode, final Backoff backoff) throws Exception {
        camera = new FakeCamera(script);
        final CameraEndpoint endpoint = new CameraEndpoint("cam2", URI.create(camera.url("/live?channel=1")),
                CameraScript.USER, CameraScript.PASSWORD.toCharArray(), mode, Duration.ofSeconds(30), 47_000, 47_999);
        session = new CameraSession(endpoint, group, listener, backoff, CameraSession.Timings.DEFAULT,
                NioSocketChannel.class, NioDatagramChannel.class);
        session.start();
    }

    int clientPort(final int track) {
        final String t = camera.requests("SETUP").get(track).header("Transport");
        final int at = t.indexOf("client_port=") + "client_port=".length();
        return Integer.parseInt(t.substring(at, t.indexOf('-', at)));
    }

    @Test
    void shouldDeliverUdpRtpAndRtcpFromTheAnnouncedServerPorts() throws Exception {
        start(udpScript(), TransportMode.UDP, new Backoff());
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        assertThat(clientPort(0) % 2).isZero();
        FakeCamera.datagram(serverPorts[0], clientPort(0), RTP_VIDEO);
        FakeCamera.datagram(serverPorts[1] + 1, clientPort(1) + 1, RTCP_AUDIO);
        assertThat(listener.await(l -> l.packets.size() == 2, 3_000)).isTrue();
        assertThat(listener.packets(0, false))
                .singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(RTP_VIDEO));
        assertThat(listener.packets(1, true)).hasSize(1);
        assertThat(listener.started.get(0).get(0).ssrc()).isEqualTo(0xABCDL);
        assertThat(listener.anomalies).isEmpty();
    }

    @Test
    void shouldDropDatagramsFromAForeignPortAndReportTheSenderOnce() throws Exception {
        start(udpScript(), TransportMode.UDP, new Backoff());
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        final int foreign = freeEvenPort();
        FakeCamera.datagram(foreign, clientPort(0), RTP_VIDEO);
        FakeCamera.datagram(foreign, clientPort(0), RTP_VIDEO);
        FakeCamera.datagram(serverPorts[0] + 1, clientPort(0), RTP_VIDEO);
        FakeCamera.datagram(serverPorts[0], clientPort(0), RTP_VIDEO);
        assertThat(listener.await(l -> l.packets.size() == 1 && l.anomalies.size() == 2, 3_000)).isTrue();
        Thread.sleep(100);
        assertThat(listener.packets).hasSize(1);
        assertThat(listener.anomalies).containsOnly(CameraAnomaly.FOREIGN_RTP).hasSize(2);
        assertThat(listener.events).anyMatch(e -> e.contains("from 127.0.0.1:" + foreign));
    }

    @Test
    void shouldReportASetupSourceOtherThanTheCamera() throws Exception {
        source = "10.9.8.7";
        start(udpScript(), TransportMode.UDP, new Backoff());
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        assertThat(listener.anomalies).containsOnly(CameraAnomaly.SOURCE_MISMATCH);
        assertThat(listener.events).anyMatch(e -> e.contains("source=10.9.8.7"));
    }

    @Test
    void shouldFallBackToTcpWhenUdpStaysSilentInAutoMode() throws Exception {
        final long t0 = System.nanoTime();
        start(udpScript(), TransportMode.AUTO, new Backoff());
        assertThat(listener.await(l -> l.started.size() == 2, 4_500)).isTrue();
        final long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMs).isBetween(2_900L, 4_500L);
        assertThat(listener.started.get(0).get(0).rtpChannel()).isEqualTo(-1);
        assertThat(listener.started.get(1).get(0).rtpChannel()).isZero();
        assertThat(camera.requests("TEARDOWN")).hasSize(1);
        assertThat(listener.retries).containsExactly(0L);
        assertThat(session.activeTransport()).isEqualTo(TransportMode.TCP);
        camera.interleaved(0, RTP_VIDEO);
        assertThat(listener.await(l -> l.packets.size() == 1, 3_000)).isTrue();
    }

    @Test
    void shouldNotFollowARedirectToAnotherHost() throws Exception {
        final CameraScript script = udpScript();
        script.describeOverride = req -> FakeCamera.reply(req, "302 Moved Temporarily", null,
                "Location: rtsp://203.0.113.9:554/stolen");
        start(script, TransportMode.TCP, new Backoff(5_000, 30_000, 30_000));
        assertThat(listener.await(l -> !l.retries.isEmpty(), 3_000)).isTrue();
        assertThat(listener.anomalies).containsExactly(CameraAnomaly.REDIRECT);
        assertThat(listener.events).anyMatch(e -> e.contains("rtsp://203.0.113.9:554/stolen"));
        assertThat(camera.requests("DESCRIBE")).hasSize(2);
        assertThat(camera.requests("SETUP")).isEmpty();
        assertThat(camera.connections()).isEqualTo(1);
    }

    @Test
    void shouldFollowARedirectOnTheSameCamera() throws Exception {
        final CameraScript script = new CameraScript();
        script.describeOverride = req -> req.uri().endsWith("/moved")
                ? FakeCamera.reply(req, "200 OK", CameraScript.SDP, "Content-Base: " + req.uri() + "/")
                : FakeCamera.reply(req, "301 Moved", null, "Location: " + camera.url("/moved"));
        start(script, TransportMode.TCP, new Backoff());
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        assertThat(camera.requests("SETUP").get(0).uri()).isEqualTo(camera.url("/moved/trackID=1"));
        assertThat(listener.anomalies).isEmpty();
    }
}
