package io.airlock.server;

import io.airlock.rtsp.netty.FramingRejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class RtspServerTest {

    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final TestSource source = new TestSource();
    private RtspServer server;

    private RtspServer start(final RtspServerConfig config) {
        config.bind(new InetSocketAddress("127.0.0.1", 0)).listener(new ServerListener() {
            @Override
            public void refused(final InetSocketAddress peer, final TransportRefusal reason, final String t) {
                refusals.add(reason + " " + t);
            }
        });
        server = new RtspServer(config).start();
        server.addSource(source);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String url() {
        return server.url("/cam");
    }

    @Test
    void shouldStreamInterleavedFramesWithContiguousSequenceNumbers() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            final RtspTestClient.Reply options = c.request("OPTIONS " + url() + " RTSP/1.0\r\ncseq: 0001\r\n\r\n");
            assertThat(options.status).isEqualTo(200);
            assertThat(options.head).contains("CSeq: 0001\r\n");
            assertThat(options.header("public")).contains("DESCRIBE", "SETUP", "PLAY", "GET_PARAMETER");
            final RtspTestClient.Reply describe = c.request("DESCRIBE " + url() + " RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Accept: application/sdp\r\n\r\n");
            assertThat(describe.status).isEqualTo(200);
            assertThat(describe.header("content-type")).isEqualTo("application/sdp");
            assertThat(describe.header("content-base")).isEqualTo(url() + "/");
            assertThat(describe.body).contains("a=control:trackID=1");
            final RtspTestClient.Reply setup = c.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 3\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=4-5\r\n\r\n");
            assertThat(setup.status).isEqualTo(200);
            assertThat(setup.header("transport")).isEqualTo("RTP/AVP/TCP;unicast;interleaved=4-5;ssrc=11223344");
            assertThat(setup.header("session")).endsWith(";timeout=60");
            final String session = setup.header("session");
            final RtspTestClient.Reply play = c.request("PLAY " + url() + " RTSP/1.0\r\nCSeq: 4\r\nSession: "
                    + session + "\r\n\r\n");
            assertThat(play.status).isEqualTo(200);
            assertThat(play.header("rtp-info")).isEqualTo("url=" + url() + "/trackID=1;seq=1000;rtptime=5000");
            int expected = 1000;
            for (int i = 0; i < 100; i++) {
                final byte[] f = c.frame();
                assertThat(f[0]).isEqualTo((byte) 4);
                assertThat(ByteBuffer.wrap(f, 1 + 2, 2).getShort() & 0xFFFF).isEqualTo(expected++);
            }
            final RtspTestClient.Reply teardown = c.request("TEARDOWN " + url() + " RTSP/1.0\r\nCSeq: 5\r\n"
                    + "Session: " + RtspRequests.sessionId(session) + "\r\n\r\n");
            assertThat(teardown.status).isEqualTo(200);
            assertThat(source.attached()).isZero();
        }
    }

    private static DatagramSocket udpRecorder() throws IOException {
        final DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        rtp.setSoTimeout(3000);
        return rtp;
    }

    private RtspTestClient.Reply setupUdp(final RtspTestClient c, final int port) throws IOException {
        return c.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                + "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1) + "\r\n\r\n");
    }

    @Test
    void shouldEndTheSessionAndCloseTheConnectionWhenAUdpRecorderIsDisconnected() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port()); DatagramSocket rtp = udpRecorder()) {
            final RtspTestClient.Reply setup = setupUdp(c, rtp.getLocalPort());
            c.request("PLAY " + url() + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + setup.header("session") + "\r\n\r\n");
            rtp.receive(new DatagramPacket(new byte[2048], 2048));
            assertThat(server.sessions()).isEqualTo(1);
            source.disconnectAll();
            assertThat(c.closedByPeer()).as("the recorder's RTSP connection is closed").isTrue();
            assertThat(server.sessions()).isZero();
            assertThat(source.attached()).isZero();
        }
    }

    @Test
    void shouldStreamUdpOnlyToTheRequestingPeer() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port()); DatagramSocket rtp = udpRecorder()) {
            final int port = rtp.getLocalPort();
            final RtspTestClient.Reply setup = setupUdp(c, port);
            assertThat(setup.status).isEqualTo(200);
            assertThat(setup.header("transport")).startsWith("RTP/AVP;unicast;client_port=" + port + "-"
                    + (port + 1) + ";server_port=");
            final RtspTestClient.Reply play = c.request("PLAY " + url() + " RTSP/1.0\r\nCSeq: 2\r\nSession: "
                    + setup.header("session") + "\r\n\r\n");
            assertThat(play.status).isEqualTo(200);
            final DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
            rtp.receive(d);
            assertThat(d.getLength()).isEqualTo(20);
            assertThat(d.getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void shouldRefuseDestinationOtherThanPeerWith461() throws Exception {
        assertRefused("RTP/AVP;unicast;destination=127.0.0.2;client_port=5000-5001", "DESTINATION_NOT_PEER");
    }

    @Test
    void shouldRefuseMulticastWith461() throws Exception {
        assertRefused("RTP/AVP;multicast;client_port=5000-5001", "MULTICAST");
    }

    @Test
    void shouldRefuseClientPortZeroWith461() throws Exception {
        assertRefused("RTP/AVP;unicast;client_port=0-1", "ZERO_CLIENT_PORT");
    }

    @Test
    void shouldRefuseWhenAnyOfferedSpecRedirects() throws Exception {
        assertRefused("RTP/AVP/TCP;unicast;interleaved=0-1,RTP/AVP;unicast;destination=198.51.100.7;client_port=5000",
                "DESTINATION_NOT_PEER");
    }

    @Test
    void shouldAcceptDestinationEqualToPeer() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            final RtspTestClient.Reply r = c.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Transport: RTP/AVP;unicast;destination=127.0.0.1;client_port=40000-40001\r\n\r\n");
            assertThat(r.status).isEqualTo(200);
            assertThat(refusals).isEmpty();
        }
    }

    private void assertRefused(final String transport, final String reason) throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            final RtspTestClient.Reply r = c.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 7\r\n"
                    + "Transport: " + transport + "\r\n\r\n");
            assertThat(r.status).isEqualTo(461);
            assertThat(r.header("cseq")).isEqualTo("7");
            assertThat(refusals).containsExactly(reason + " " + transport);
            assertThat(server.refusedSetups()).isEqualTo(1);
        }
    }

    @Test
    void shouldAnswerUnknownSessionWith454() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            assertThat(c.request("PLAY " + url() + " RTSP/1.0\r\nCSeq: 1\r\nSession: 42\r\n\r\n").status)
                    .isEqualTo(454);
            assertThat(c.request("DESCRIBE rtsp://127.0.0.1/nothing RTSP/1.0\r\nCSeq: 2\r\n\r\n").status)
                    .isEqualTo(404);
        }
    }

    @Test
    void shouldChallengeWith401WhenTheAuthenticatorSaysSo() throws Exception {
        start(new RtspServerConfig().authenticator((peer, req) ->
                req.headers().contains("Authorization") ? null : "Digest realm=\"airlock\", nonce=\"1\""));
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            final RtspTestClient.Reply r = c.request("DESCRIBE " + url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertThat(r.status).isEqualTo(401);
            assertThat(r.header("www-authenticate")).startsWith("Digest realm=\"airlock\"");
            assertThat(c.request("DESCRIBE " + url() + " RTSP/1.0\r\nCSeq: 2\r\nAuthorization: x\r\n\r\n").status)
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerGarbageWith400OrClose() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            c.send("\u0001\u0002GARBAGE \u00ff\u00fe not rtsp at all\r\n\r\n");
            final RtspTestClient.Reply r = c.reply();
            if (r != null) {
                assertThat(r.status).isEqualTo(400);
            }
            assertThat(c.closedByPeer()).isTrue();
        }
    }

    @Test
    void shouldCloseOnMegabyteHeader() throws Exception {
        start(new RtspServerConfig());
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            final StringBuilder b = new StringBuilder("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Big: ");
            b.append("a".repeat(1 << 20));
            try {
                c.send(b.toString());
            } catch (IOException e) {
                // the server may reset while we are still writing: that is the point
            }
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(server.rejections(FramingRejection.HEADERS_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void shouldDropAndCountInsteadOfQueueingForAStalledRecorder() throws Exception {
        start(new RtspServerConfig().writeBufferWaterMarks(32 * 1024, 64 * 1024));
        final TestSource heavy = new TestSource(40, 1388);
        server.addSource(new MediaSource() {
            @Override
            public String path() {
                return "/heavy";
            }

            @Override
            public String sdp(final String baseUrl) {
                return heavy.sdp(baseUrl);
            }

            @Override
            public int tracks() {
                return 1;
            }

            @Override
            public void attach(final int track, final MediaSink sink) {
                heavy.attach(track, sink);
            }

            @Override
            public void detach(final int track, final MediaSink sink) {
                heavy.detach(track, sink);
            }
        });
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            c.socket.setReceiveBufferSize(16 * 1024);
            final String u = server.url("/heavy");
            final String session = c.request("SETUP " + u + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n").header("session");
            assertThat(c.request("PLAY " + u + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session + "\r\n\r\n").status)
                    .isEqualTo(200);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (heavy.dropped() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(heavy.dropped()).isPositive();
            assertThat(heavy.attached()).isEqualTo(1);
        }
    }

    @Test
    void shouldExpireIdleSessions() throws Exception {
        start(new RtspServerConfig().sessionTimeoutSeconds(1));
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            final RtspTestClient.Reply setup = c.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Transport: RTP/AVP/TCP;unicast\r\n\r\n");
            assertThat(setup.header("session")).endsWith(";timeout=1");
            assertThat(setup.header("transport")).contains("interleaved=0-1");
            assertThat(c.closedByPeer()).isTrue();
        }
    }

    @Test
    void shouldCloseAConnectionThatSetsUpNothingAndStaysSilentForTheSessionTimeout() throws Exception {
        start(new RtspServerConfig().sessionTimeoutSeconds(1));
        try (RtspTestClient silent = new RtspTestClient(server.port());
             RtspTestClient described = new RtspTestClient(server.port())) {
            assertThat(described.request("DESCRIBE " + url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n").status).isEqualTo(200);
            assertThat(silent.closedByPeer()).isTrue();
            assertThat(described.closedByPeer()).as("a DESCRIBE is not a session").isTrue();
            assertThat(server.idleConnectionsClosed()).isEqualTo(2);
        }
    }

    @Test
    void shouldDropAPipelinedFloodWithoutDisturbingAnotherStream() throws Exception {
        start(new RtspServerConfig());
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RtspTestClient viewer = new RtspTestClient(server.port());
             RtspTestClient flooder = new RtspTestClient(server.port())) {
            final String session = viewer.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n").header("session");
            assertThat(viewer.request("PLAY " + url() + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session
                    + "\r\n\r\n").status).isEqualTo(200);
            final int n = 10_000;
            // One event loop serves both: the flood must not hold it.
            viewer.socket.setSoTimeout(5_000);
            flooder.socket.setSoTimeout(5_000);
            final Future<?> writer = pool.submit(() -> {
                final StringBuilder all = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    all.append("OPTIONS * RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
                }
                flooder.send(all.toString());
                return null;
            });
            // The first replies come in order, then the server drops the flooder.
            final Future<Integer> reader = pool.submit(() -> {
                int answered = 0;
                try {
                    while (answered < n) {
                        final RtspTestClient.Reply r = flooder.reply();
                        if (r == null) {
                            return -1;
                        }
                        assertThat(r.header("cseq")).isEqualTo(Integer.toString(answered));
                        answered++;
                    }
                } catch (java.net.SocketException dropped) {
                    return -1;
                }
                return answered;
            });
            int expected = -1;
            for (int i = 0; i < 500; i++) {
                final byte[] f = viewer.frame();
                final int seq = ByteBuffer.wrap(f, 1 + 2, 2).getShort() & 0xFFFF;
                if (expected >= 0) {
                    assertThat(seq).isEqualTo(expected);
                }
                expected = (seq + 1) & 0xFFFF;
            }
            try {
                writer.get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).as("only a dropped connection may stop the flood").isInstanceOf(
                        java.net.SocketException.class);
            }
            assertThat(reader.get(15, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(server.rejections(FramingRejection.PIPELINE_FLOOD)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
