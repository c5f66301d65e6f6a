package io.airlock.proxy.camera;

import io.airlock.rtp.RtpPortRange;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The camera side's RTP/RTCP socket pair of one track (RTP on an even port, RTCP on the next odd one, RFC 3550 §11),
 * bound inside the configured range asynchronously so the event loop never blocks. The search ({@link RtpPortRange})
 * starts at a random pair, tries at most {@link #MAX_ATTEMPTS} pairs, then reports failure.
 */
final class CameraPortPair {

    static final int MAX_ATTEMPTS = 32;
    static final int MAX_DATAGRAM = 65_536;
    static final int RECEIVE_BUFFER = 1 << 20;

    final UdpTrackSocket rtpSocket;
    final UdpTrackSocket rtcpSocket;
    private Channel rtp;
    private Channel rtcp;

    private CameraPortPair(final UdpTrackSocket rtpSocket, final UdpTrackSocket rtcpSocket) {
        this.rtpSocket = rtpSocket;
        this.rtcpSocket = rtcpSocket;
    }

    /** Binds a pair for {@code track}; exactly one of {@code bound} and {@code failed} is called, on {@code loop}. */
    static void bind(final EventLoop loop, final Class<? extends DatagramChannel> type, final int low, final int high,
                     final TrackRouter router, final int track, final Consumer<CameraPortPair> bound,
                     final Consumer<String> failed) {
        final RtpPortRange range = new RtpPortRange(low, high);
        if (range.pairs() == 0) {
            failed.accept("UDP port range " + range + " holds no even/odd pair");
            return;
        }
        final CameraPortPair pair = new CameraPortPair(new UdpTrackSocket(router, track, false),
                new UdpTrackSocket(router, track, true));
        pair.attempt(loop, type, range, range.randomStart(), 0, bound, failed);
    }

    int rtpPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    void close() {
        if (rtp != null) {
            rtp.close();
        }
        if (rtcp != null) {
            rtcp.close();
        }
    }

    private void attempt(final EventLoop loop, final Class<? extends DatagramChannel> type, final RtpPortRange range,
                         final int start, final int tried, final Consumer<CameraPortPair> bound,
                         final Consumer<String> failed) {
        if (tried >= range.attempts(MAX_ATTEMPTS)) {
            failed.accept("no free UDP port pair in " + range + " after " + tried + " attempts");
            return;
        }
        final int port = range.rtpPort(start, tried);
        open(loop, type, rtpSocket, port).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                attempt(loop, type, range, start, tried + 1, bound, failed);
                return;
            }
            rtp = f.channel();
            open(loop, type, rtcpSocket, port + 1).addListener((ChannelFuture g) -> {
                if (!g.isSuccess()) {
                    rtp.close();
                    rtp = null;
                    attempt(loop, type, range, start, tried + 1, bound, failed);
                    return;
                }
                rtcp = g.channel();
                bound.accept(this);
            });
        });
    }

    private static ChannelFuture open(final EventLoop loop, final Class<? extends DatagramChannel> type,
                                      final UdpTrackSocket handler, final int port) {
        return new Bootstrap().group(loop).channel(type)
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
                // Pooled, as for the TCP connection: recorder egress slices of pooled buffers are recycled.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(handler)
                .bind(port);
    }
}
