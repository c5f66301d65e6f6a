package io.airlock.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RtspServerConfig#maxSessions}: sessions over all connections, refused with 453 beyond it, slots reused. */
@Timeout(30)
class RtspServerSessionLimitTest {

    private final TestSource source = new TestSource();
    private RtspServer server;

    private void start(final RtspServerConfig config) {
        server = new RtspServer(config.bind(new InetSocketAddress("127.0.0.1", 0))).start();
        server.addSource(source);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldRefuseTheRecorderBeyondTheLimitWith453AndLeaveThePlayingOnesAlone() throws Exception {
        start(new RtspServerConfig().maxSessions(2));
        try (RtspTestClient a = new RtspTestClient(server.port()); RtspTestClient b = new RtspTestClient(server.port());
             RtspTestClient c = new RtspTestClient(server.port())) {
            final String sa = play(a);
            play(b);
            final RtspTestClient.Reply refused = setup(c);
            assertThat(refused.status).isEqualTo(453);
            assertThat(refused.head).startsWith("RTSP/1.0 453 Not Enough Bandwidth (server session limit reached)\r\n");
            assertThat(refused.header("cseq")).isEqualTo("1");
            assertThat(refused.header("session")).isNull();
            assertThat(server.sessionLimitRefusals()).isEqualTo(1);
            assertThat(server.sessions()).isEqualTo(2);
            assertContiguous(a);
            assertContiguous(b);

            assertThat(a.request("TEARDOWN " + url() + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + sa + "\r\n\r\n").status)
                    .isEqualTo(200);
            assertThat(setup(c).status).as("the slot TEARDOWN gave back").isEqualTo(200);
            assertThat(server.sessions()).isEqualTo(2);
            assertContiguous(b);
        }
    }

    @Test
    void shouldGiveTheSlotBackWhenTheConnectionCloses() throws Exception {
        start(new RtspServerConfig().maxSessions(1));
        try (RtspTestClient a = new RtspTestClient(server.port()); RtspTestClient b = new RtspTestClient(server.port())) {
            play(a);
            assertThat(setup(b).status).isEqualTo(453);
            a.close();
            awaitSessions(0);
            assertThat(setup(b).status).as("the slot the closed connection gave back").isEqualTo(200);
        }
    }

    @Test
    void shouldGiveTheSlotBackWhenTheSessionTimesOut() throws Exception {
        start(new RtspServerConfig().maxSessions(1).sessionTimeoutSeconds(1));
        try (RtspTestClient a = new RtspTestClient(server.port()); RtspTestClient b = new RtspTestClient(server.port())) {
            assertThat(setup(a).status).isEqualTo(200);
            assertThat(setup(b).status).isEqualTo(453);
            assertThat(a.closedByPeer()).as("idle session ended, connection closed").isTrue();
            awaitSessions(0);
        }
        // b, holding no session and silent as long, was closed as idle too: a new connection takes the slot.
        try (RtspTestClient c = new RtspTestClient(server.port())) {
            assertThat(setup(c).status).isEqualTo(200);
        }
    }

    @Test
    void shouldGiveTheSlotBackWhenTheSetupFailsAfterTakingIt() throws Exception {
        start(new RtspServerConfig().maxSessions(2));
        try (RtspTestClient a = new RtspTestClient(server.port()); RtspTestClient b = new RtspTestClient(server.port())) {
            assertThat(setup(a).status).isEqualTo(200);
            // A second session on the same connection asking for the channels the first one uses: 461, after the slot
            // was taken.
            assertThat(setup(a).status).isEqualTo(461);
            assertThat(server.sessions()).isEqualTo(1);
            assertThat(setup(b).status).isEqualTo(200);
        }
    }

    @Test
    void shouldNotTakeASlotForASetupWithinASession() throws Exception {
        start(new RtspServerConfig().maxSessions(1));
        try (RtspTestClient a = new RtspTestClient(server.port())) {
            final RtspTestClient.Reply first = setup(a);
            final RtspTestClient.Reply again = a.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Session: " + first.header("session") + "\r\nTransport: RTP/AVP/TCP;unicast;interleaved=2-3"
                    + "\r\n\r\n");
            assertThat(again.status).isEqualTo(200);
            assertThat(server.sessions()).isEqualTo(1);
            assertThat(server.sessionLimitRefusals()).isZero();
        }
    }

    private String url() {
        return server.url("/cam");
    }

    private RtspTestClient.Reply setup(final RtspTestClient c) throws IOException {
        return c.request("SETUP " + url() + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
    }

    /** SETUP and PLAY; the session id. */
    private String play(final RtspTestClient c) throws IOException {
        final RtspTestClient.Reply setup = setup(c);
        assertThat(setup.status).isEqualTo(200);
        final String session = RtspRequests.sessionId(setup.header("session"));
        assertThat(c.request("PLAY " + url() + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session + "\r\n\r\n").status)
                .isEqualTo(200);
        return session;
    }

    /** The next 50 frames carry consecutive sequence numbers. */
    private static void assertContiguous(final RtspTestClient c) throws IOException {
        int expected = -1;
        for (int i = 0; i < 50; i++) {
            final byte[] f = c.frame();
            final int seq = ByteBuffer.wrap(f, 1 + 2, 2).getShort() & 0xFFFF;
            if (expected >= 0) {
                assertThat(seq).isEqualTo(expected);
            }
            expected = (seq + 1) & 0xFFFF;
        }
    }

    private void awaitSessions(final int n) throws InterruptedException {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.sessions() != n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.sessions()).isEqualTo(n);
    }
}
