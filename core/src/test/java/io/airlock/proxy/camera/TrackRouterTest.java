package io.airlock.proxy.camera;

import io.airlock.rtsp.RtspMessage;
import io.airlock.sdp.SessionDescription;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackRouterTest {

    /** Remembers the last call without allocating. */
    private static final class LastPacket implements CameraSessionListener {
        ByteBuf buf;
        int track = -1;
        int offset;
        int length;
        boolean rtcp;
        long calls;

        @Override
        public void sessionStarted(final SessionDescription sdp, final List<CameraTrack> tracks) {
        }

        @Override
        public void rtp(final int t, final ByteBuf b, final int off, final int len) {
            set(t, b, off, len, false);
        }

        @Override
        public void rtcp(final int t, final ByteBuf b, final int off, final int len) {
            set(t, b, off, len, true);
        }

        private void set(final int t, final ByteBuf b, final int off, final int len, final boolean isRtcp) {
            buf = b;
            track = t;
            offset = off;
            length = len;
            rtcp = isRtcp;
            calls++;
        }

        @Override
        public void anomaly(final CameraAnomaly kind, final String detail) {
        }

        @Override
        public void sessionLost(final String reason, final long retryInMs) {
        }

        @Override
        public void rtspResponse(final RtspMessage msg) {
        }
    }

    private final LastPacket listener = new LastPacket();
    private final TrackRouter router = new TrackRouter(listener);

    @Test
    void shouldHandOverTheFrameRangeOfTheReceiveBufferItself() {
        final ByteBuf receive = Unpooled.buffer(100).writeZero(100);
        router.mapInterleaved(1, 2, 3);
        router.startDelivering();
        router.interleaved(3, receive, 40, 24);
        assertThat(listener.buf).isSameAs(receive);
        assertThat(listener.track).isEqualTo(1);
        assertThat(listener.rtcp).isTrue();
        assertThat(listener.offset).isEqualTo(40);
        assertThat(listener.length).isEqualTo(24);
        assertThat(receive.readerIndex()).isZero();
        assertThat(receive.refCnt()).isEqualTo(1);
    }

    @Test
    void shouldDropFramesBeforePlayWasAnswered() {
        router.mapInterleaved(0, 0, 1);
        router.interleaved(0, Unpooled.buffer(16).writeZero(16), 0, 16);
        assertThat(listener.calls).isZero();
        assertThat(router.droppedPackets()).isEqualTo(1);
    }

    @Test
    void shouldAllocateNothingPerInterleavedPacket() {
        final com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final ByteBuf receive = Unpooled.wrappedBuffer(new byte[4096]);
        router.mapInterleaved(0, 0, 1);
        router.startDelivering();
        route(receive, 20_000);
        final long before = mx.getCurrentThreadAllocatedBytes();
        route(receive, 100_000);
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).isLessThan(100_000);
        assertThat(router.rtpPackets(0)).isEqualTo(120_000);
    }

    private void route(final ByteBuf receive, final int packets) {
        for (int i = 0; i < packets; i++) {
            router.interleaved(0, receive, (i & 3) * 1024, 1000);
        }
    }
}
