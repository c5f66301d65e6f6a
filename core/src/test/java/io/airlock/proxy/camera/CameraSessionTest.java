package io.airlock.proxy.camera;

import io.airlock.rtsp.auth.DigestAlgorithm;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole sessions against {@link FakeCamera} on loopback: authentication, TCP delivery, keep-alive, teardown. */
class CameraSessionTest {

    static final byte[] RTP_VIDEO = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7, 0x65, 1, 2, 3};
    static final byte[] RTCP_AUDIO = {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 9, 1, 2, 3, 4};

    static EventLoopGroup group;
    FakeCamera camera;
    CameraSession session;
    final RecordingListener listener = new RecordingListener();

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
        assertNoSecret(listener);
    }

    static void assertNoSecret(final RecordingListener l) {
        final String all = String.join("\n", l.events);
        final String basic = Base64.getEncoder().encodeToString(
                (CameraScript.USER + ":" + CameraScript.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(all).doesNotContain(CameraScript.PASSWORD).doesNotContain(basic);
    }

    CameraSession start(final CameraScript script, final TransportMode mode, final Duration keepAlive,
                        final Backoff backoff, final long fallbackMs) throws Exception {
        camera = new FakeCamera(script);
        final CameraEndpoint endpoint = new CameraEndpoint("cam1", URI.create(camera.url("/Streaming/Channels/101")),
                CameraScript.USER, CameraScript.PASSWORD.toCharArray(), mode, keepAlive, 46_000, 46_999);
        session = new CameraSession(endpoint, group, listener, backoff,
                new CameraSession.Timings(2_000, fallbackMs, 2_000), NioSocketChannel.class,
                NioDatagramChannel.class);
        session.start();
        return session;
    }

    CameraSession start(final CameraScript script, final TransportMode mode) throws Exception {
        return start(script, mode, Duration.ofSeconds(30), new Backoff(), 3_000);
    }

    @Test
    void shouldAnswerDigestMd5AndDeliverInterleavedRtpByTrack() throws Exception {
        final CameraScript script = new CameraScript();
        script.auth = CameraScript.Auth.MD5;
        start(script, TransportMode.TCP);
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        camera.interleaved(0, RTP_VIDEO);
        camera.interleaved(3, RTCP_AUDIO);
        assertThat(listener.await(l -> l.packets.size() == 2, 3_000)).isTrue();

        assertThat(script.lastVerifiedAlgorithm).isEqualTo(DigestAlgorithm.MD5);
        assertThat(listener.packets(0, false))
                .singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(RTP_VIDEO));
        assertThat(listener.packets(1, true))
                .singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(RTCP_AUDIO));
        assertThat(camera.requests("SETUP")).hasSize(2);
        assertThat(listener.started.get(0)).extracting(CameraTrack::encoding).containsExactly("H264", "PCMA");
        assertThat(listener.started.get(0).get(1).rtpChannel()).isEqualTo(2);
        assertThat(camera.requests.get(0).header("User-Agent")).startsWith("Airlock/");
    }

    @Test
    void shouldPreferDigestSha256WhenOffered() throws Exception {
        final CameraScript script = new CameraScript();
        script.auth = CameraScript.Auth.SHA_256_AND_MD5;
        start(script, TransportMode.TCP);
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        assertThat(script.lastVerifiedAlgorithm).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(camera.requests("PLAY").get(0).header("Authorization")).contains("algorithm=SHA-256", "qop=auth");
    }

    @Test
    void shouldAnswerBasicWhenOnlyBasicIsOffered() throws Exception {
        final CameraScript script = new CameraScript();
        script.auth = CameraScript.Auth.BASIC;
        start(script, TransportMode.TCP);
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        assertThat(camera.requests("PLAY").get(0).header("Authorization")).startsWith("Basic ");
    }

    @Test
    void shouldGiveUpOnWrongPasswordWithoutLeakingIt() throws Exception {
        final CameraScript script = new CameraScript();
        script.auth = CameraScript.Auth.MD5;
        camera = new FakeCamera(script);
        final CameraEndpoint endpoint = new CameraEndpoint("cam1", URI.create(camera.url("/live")),
                CameraScript.USER, "wrong-password".toCharArray(), TransportMode.TCP, Duration.ofSeconds(30),
                46_000, 46_999);
        session = new CameraSession(endpoint, group, listener, new Backoff(5_000, 30_000, 30_000),
                CameraSession.Timings.DEFAULT, NioSocketChannel.class, NioDatagramChannel.class);
        session.start();
        assertThat(listener.await(l -> !l.retries.isEmpty(), 3_000)).isTrue();
        assertThat(listener.events).anyMatch(e -> e.contains("401 Unauthorized"));
        assertThat(String.join("\n", listener.events)).doesNotContain("wrong-password");
        assertThat(camera.requests("DESCRIBE")).hasSize(2);
    }

    @Test
    void shouldKeepAliveWithGetParameterAndEchoSessionWithoutTimeout() throws Exception {
        final CameraScript script = new CameraScript();
        script.session = "708345999;timeout=60";
        start(script, TransportMode.TCP, Duration.ofMillis(150), new Backoff(), 3_000);
        assertThat(listener.await(l -> camera.requests("GET_PARAMETER").size() >= 2, 3_000)).isTrue();
        assertThat(camera.requests("GET_PARAMETER").get(0).header("Session")).isEqualTo("708345999");
        assertThat(camera.requests("SETUP").get(1).header("Session")).isEqualTo("708345999");
    }

    @Test
    void shouldKeepAliveWithOptionsWhenPublicLacksGetParameter() throws Exception {
        final CameraScript script = new CameraScript();
        script.publicMethods = "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN";
        start(script, TransportMode.TCP, Duration.ofMillis(150), new Backoff(), 3_000);
        assertThat(listener.await(l -> camera.requests("OPTIONS").size() >= 2, 3_000)).isTrue();
        assertThat(camera.requests("GET_PARAMETER")).isEmpty();
        assertThat(camera.requests("OPTIONS").get(1).header("Session")).isEqualTo("12345678");
    }

    @Test
    void shouldSendTeardownOnStop() throws Exception {
        start(new CameraScript(), TransportMode.TCP);
        assertThat(listener.await(l -> !l.started.isEmpty(), 3_000)).isTrue();
        session.stop();
        assertThat(listener.await(l -> !camera.requests("TEARDOWN").isEmpty(), 3_000)).isTrue();
        assertThat(camera.requests("TEARDOWN").get(0).header("Session")).isEqualTo("12345678");
        assertThat(listener.retries).isEmpty();
    }

    @Test
    void shouldReconnectWithDoublingBackoffWhenTheCameraCloses() throws Exception {
        final CameraScript script = new CameraScript();
        script.describeOverride = req -> null;
        start(script, TransportMode.TCP, Duration.ofSeconds(30), new Backoff(40, 1_000, 30_000), 3_000);
        assertThat(listener.await(l -> l.retries.size() >= 3, 3_000)).isTrue();
        assertThat(listener.retries.subList(0, 3)).containsExactly(40L, 80L, 160L);
        assertThat(camera.connections()).isGreaterThanOrEqualTo(3);
        assertThat(listener.events.get(listener.events.size() - 1)).contains("camera closed the connection");
    }
}
