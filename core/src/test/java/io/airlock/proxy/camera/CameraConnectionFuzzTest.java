package io.airlock.proxy.camera;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile camera bytes into one connection: nothing may throw, leak or reveal the password. */
class CameraConnectionFuzzTest {

    static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    /** A well-behaved camera's replies to OPTIONS, DESCRIBE, two SETUPs and PLAY, then two RTP frames. */
    static final byte[] TRANSCRIPT = ("RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY\r\n\r\n"
            + "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://10.0.0.9/live/\r\nContent-Length: "
            + CameraScript.SDP.length() + "\r\n\r\n" + CameraScript.SDP
            + "RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 42;timeout=60\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n"
            + "RTSP/1.0 200 OK\r\nCSeq: 4\r\nSession: 42\r\nTransport: RTP/AVP/TCP;interleaved=2-3;ssrc= 1\r\n\r\n"
            + "RTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: 42\r\n\r\n"
            + "$\0\0\u0004\u0080\u0060\0\u0001$\u0002\0\u0002ab").getBytes(StandardCharsets.ISO_8859_1);

    @AfterAll
    static void stopLoop() {
        GROUP.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @FuzzTest
    void cameraReplies(final byte[] data) {
        check(data, 3);
    }

    @Test
    void shouldPlayTheCleanTranscript() {
        final RecordingListener l = check(TRANSCRIPT, 1);
        assertThat(l.packets).hasSize(2);
        assertThat(l.started).hasSize(1);
    }

    @Test
    void shouldSurviveMutatedTranscripts() {
        final Random random = new Random(20_240_611);
        for (int i = 0; i < 120; i++) {
            final byte[] data = TRANSCRIPT.clone();
            for (int k = random.nextInt(8); k >= 0; k--) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            final int cut = random.nextInt(4) == 0 ? random.nextInt(data.length) : data.length;
            check(java.util.Arrays.copyOf(data, cut), 1 + random.nextInt(5));
        }
    }

    @Test
    void shouldSurviveRandomBytes() {
        final Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            final byte[] data = new byte[random.nextInt(600)];
            random.nextBytes(data);
            check(data, 1 + random.nextInt(4));
        }
    }

    static RecordingListener check(final byte[] data, final int pieces) {
        final RecordingListener listener = new RecordingListener();
        final CameraEndpoint endpoint = new CameraEndpoint("fuzz", URI.create("rtsp://10.0.0.9/live"),
                CameraScript.USER, CameraScript.PASSWORD.toCharArray(), TransportMode.TCP, Duration.ofSeconds(30),
                46_000, 46_999);
        final CameraSession session = new CameraSession(endpoint, GROUP, listener, new Backoff(),
                CameraSession.Timings.DEFAULT, NioSocketChannel.class, NioDatagramChannel.class);
        final CameraConnection connection = new CameraConnection(session, true);
        final EmbeddedChannel channel = new EmbeddedChannel(connection);
        final int step = Math.max(1, data.length / pieces);
        for (int off = 0; off < data.length && channel.isOpen(); off += step) {
            final ByteBuf piece = channel.alloc().buffer(step);
            piece.writeBytes(data, off, Math.min(step, data.length - off));
            channel.writeInbound(piece);
            channel.runPendingTasks();
            drainOutbound(channel);
        }
        connection.teardown();
        drainOutbound(channel);
        channel.finishAndReleaseAll();
        assertThat(connection.failure()).isNull();
        CameraSessionTest.assertNoSecret(listener);
        return listener;
    }

    private static void drainOutbound(final EmbeddedChannel channel) {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            ((ByteBuf) out).release();
        }
    }
}
