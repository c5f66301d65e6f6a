package io.airlock.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ending sessions from outside the connection: the picked one closes, the others never notice. */
@Timeout(30)
class RtspServerEndSessionsTest {

    private RtspServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RtspTestClient playing() throws Exception {
        RtspTestClient c = new RtspTestClient(server.port());
        String url = server.url("/cam");
        String session = c.request("SETUP " + url + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n").header("session");
        assertThat(c.request("PLAY " + url + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session + "\r\n\r\n").status)
                .isEqualTo(200);
        return c;
    }

    @Test
    void shouldEndThePickedSessionAndCloseItsConnectionWhileAnotherKeepsStreaming() throws Exception {
        server = new RtspServer(new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0))).start();
        server.addSource(new TestSource());
        try (RtspTestClient kept = playing(); RtspTestClient ended = playing()) {
            kept.frame();
            ended.frame();
            assertThat(server.sessions()).isEqualTo(2);
            int endedPort = ended.socket.getLocalPort();

            List<String> paths = server.endSessions((peer, path) -> peer.getPort() == endedPort)
                    .get(5, TimeUnit.SECONDS);

            assertThat(paths).containsExactly("/cam");
            assertThat(server.sessions()).isEqualTo(1);
            assertThat(ended.closedByPeer()).isTrue();
            int expected = -1;
            for (int i = 0; i < 200; i++) {
                int seq = ByteBuffer.wrap(kept.frame(), 1 + 2, 2).getShort() & 0xFFFF;
                if (expected >= 0) {
                    assertThat(seq).as("sequence of the session that stays").isEqualTo(expected);
                }
                expected = (seq + 1) & 0xFFFF;
            }
        }
    }

    @Test
    void shouldEndNothingWhenNothingIsPicked() throws Exception {
        server = new RtspServer(new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0))).start();
        server.addSource(new TestSource());
        try (RtspTestClient c = playing()) {
            assertThat(server.endSessions((peer, path) -> !path.equals("/cam")).get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(server.sessions()).isEqualTo(1);
            assertThat(c.frame()).isNotEmpty();
        }
    }
}
