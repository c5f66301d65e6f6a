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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Real camera replies (from the corpus transcripts, host rewritten to the fake camera) through a whole session. */
class CameraQuirksTest {

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
    }

    void start(final BiFunction<FakeCamera.Request, FakeCamera, String> script, final String path) throws Exception {
        camera = new FakeCamera(script);
        final CameraEndpoint endpoint = new CameraEndpoint("quirky", URI.create(camera.url(path)), null, null,
                TransportMode.TCP, Duration.ofSeconds(30), 48_000, 48_999);
        session = new CameraSession(endpoint, group, listener, new Backoff(5_000, 30_000, 30_000),
                CameraSession.Timings.DEFAULT, NioSocketChannel.class, NioDatagramChannel.class);
        session.start();
        assertThat(listener.await(l -> !l.started.isEmpty() || !l.retries.isEmpty(), 3_000)).isTrue();
        assertThat(listener.retries).isEmpty();
    }

    @Test
    void hikvisionSsrcWithLeadingSpaceAbsoluteControlWithQueryAndPaddedSession() throws Exception {
        start((req, cam) -> {
            final String host = "127.0.0.1:" + cam.port();
            return switch (req.method()) {
                case "DESCRIBE" -> "RTSP/1.0 200 OK\r\n"
                        + "CSeq: " + req.cseq() + "\r\n"
                        + "Content-Type: application/sdp\r\n"
                        // Content-Base with a trailing slash (hikvision_describe.txt)
                        + "Content-Base: rtsp://" + host + "/Streaming/Channels/101/\r\n"
                        + "Content-Length: " + hikvisionSdp(host).length() + "\r\n\r\n"
                        + hikvisionSdp(host);
                case "SETUP" -> "RTSP/1.0 200 OK\r\n"
                        + "CSeq: " + req.cseq() + "\r\n"
                        // ssrc= with a leading space and only 7 hex digits (hikvision_setup_ssrc_space.txt)
                        + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc= d6d6627\r\n"
                        // session id padded with spaces, timeout suffix that must not be echoed
                        + "Session:       708345999;timeout=60\r\n\r\n";
                default -> FakeCamera.reply(req, "200 OK", null, "Session:       708345999;timeout=60");
            };
        }, "/Streaming/Channels/101?transportmode=unicast&profile=Profile_1");

        final String host = "127.0.0.1:" + camera.port();
        assertThat(camera.requests("SETUP")).singleElement().satisfies(r -> assertThat(r.uri()).isEqualTo(
                "rtsp://" + host + "/Streaming/Channels/101/trackID=1?transportmode=unicast&profile=Profile_1"));
        assertThat(camera.requests("PLAY").get(0).uri()).isEqualTo(
                "rtsp://" + host + "/Streaming/Channels/101/?transportmode=unicast&profile=Profile_1");
        assertThat(camera.requests("PLAY").get(0).header("Session")).isEqualTo("708345999");
        assertThat(listener.started.get(0).get(0).ssrc()).isEqualTo(0xd6d6627L);
        camera.interleaved(0, CameraSessionTest.RTP_VIDEO);
        assertThat(listener.await(l -> l.packets.size() == 1, 3_000)).isTrue();
    }

    static String hikvisionSdp(final String host) {
        return "v=0\r\n"
                + "o=- 1620251477190769 1620251477190769 IN IP4 192.168.5.106\r\n"
                + "s=Media Presentation\r\n"
                + "t=0 0\r\n"
                // absolute session control with a query string
                + "a=control:rtsp://" + host + "/Streaming/Channels/101/?transportmode=unicast&profile=Profile_1\r\n"
                + "m=video 0 RTP/AVP 96\r\n"
                + "a=recvonly\r\n"
                // absolute media control, query after the track segment
                + "a=control:rtsp://" + host
                + "/Streaming/Channels/101/trackID=1?transportmode=unicast&profile=Profile_1\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                // ONVIF metadata track: never set up
                + "m=application 0 RTP/AVP 107\r\n"
                + "a=control:rtsp://" + host
                + "/Streaming/Channels/101/trackID=3?transportmode=unicast&profile=Profile_1\r\n"
                + "a=rtpmap:107 vnd.onvif.metadata/90000\r\n";
    }

    @Test
    void dahuaContentBaseWithQueryAndTrailingSlashControlStarAndTrackIdZero() throws Exception {
        start((req, cam) -> {
            final String base = "rtsp://127.0.0.1:" + cam.port() + "/cam/realmonitor?channel=1&subtype=2/";
            final String sdp = "v=0\n"
                    + "o=- 2252542845 2252542845 IN IP4 0.0.0.0\n"
                    + "s=Media Server\n"
                    + "t=0 0\n"
                    // session control "*": the aggregate URL is Content-Base itself
                    + "a=control:*\n"
                    + "m=video 0 RTP/AVP 96\n"
                    // relative control appended after the query's trailing slash
                    + "a=control:trackID=0\n"
                    + "a=rtpmap:96 H265/90000\n"
                    + "m=audio 0 RTP/AVP 8\n"
                    + "a=control:trackID=1\n"
                    + "a=rtpmap:8 PCMA/8000\n";
            return switch (req.method()) {
                // LF-only line ends and "Cseq" spelling, as some Dahua firmware writes them
                case "DESCRIBE" -> "RTSP/1.0 200 OK\n"
                        + "Cseq: " + req.cseq() + "\n"
                        + "Content-Base: " + base + "\n"
                        + "Content-Type: application/sdp\n"
                        + "Content-Length: " + sdp.length() + "\n\n"
                        + sdp;
                case "SETUP" -> "RTSP/1.0 200 OK\n"
                        + "Cseq: " + req.cseq() + "\n"
                        + "Session: 634214675641;timeout=60\n"
                        // camera keeps the requested channels, upper-case ssrc
                        + "Transport: " + req.header("Transport") + ";ssrc=30A98EE7\n"
                        + "x-Dynamic-Rate: 1\n\n";
                default -> FakeCamera.reply(req, "200 OK", null, "Session: 634214675641");
            };
        }, "/cam/realmonitor?channel=1&subtype=2");

        final String base = "rtsp://127.0.0.1:" + camera.port() + "/cam/realmonitor?channel=1&subtype=2/";
        assertThat(camera.requests("SETUP")).extracting(FakeCamera.Request::uri)
                .containsExactly(base + "trackID=0", base + "trackID=1");
        assertThat(camera.requests("PLAY").get(0).uri()).isEqualTo(base);
        assertThat(listener.started.get(0)).extracting(CameraTrack::encoding).containsExactly("H265", "PCMA");
        assertThat(listener.started.get(0).get(1).ssrc()).isEqualTo(0x30A98EE7L);
        assertThat(listener.started.get(0).get(1).rtcpChannel()).isEqualTo(3);
    }

    @Test
    void cameraMovingInterleavedChannelsIsFollowed() throws Exception {
        start((req, cam) -> switch (req.method()) {
            case "DESCRIBE" -> FakeCamera.reply(req, "200 OK", CameraScript.SDP, "Content-Base: " + req.uri() + "/");
            // the camera picks its own channels (seen on DVRs): 6-7 for the first track, 8-9 for the second
            case "SETUP" -> FakeCamera.reply(req, "200 OK", null, "Session: 77",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=" + (req.uri().endsWith("1") ? "6-7" : "8-9"));
            default -> FakeCamera.reply(req, "200 OK", null, "Session: 77");
        }, "/live");
        camera.interleaved(8, CameraSessionTest.RTP_VIDEO);
        camera.interleaved(0, CameraSessionTest.RTP_VIDEO);
        camera.interleaved(7, CameraSessionTest.RTCP_AUDIO);
        assertThat(listener.await(l -> l.packets.size() == 2, 3_000)).isTrue();
        assertThat(listener.packets(1, false)).hasSize(1);
        assertThat(listener.packets(0, true)).hasSize(1);
    }
}
