package io.airlock.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An even RTP port and the next odd RTCP port (RFC 3550 §11) bound on the server address. Datagrams arriving from
 * the session's peer IP (receiver reports) only refresh the session; anything else is dropped unread.
 */
public final class UdpPortPair implements AutoCloseable {

    private static final int EPHEMERAL_ATTEMPTS = 16;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Channel rtp;
    private final Channel rtcp;

    private UdpPortPair(final Channel rtp, final Channel rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /**
     * Binds a pair from [low, high] (both 0: ephemeral ports), or returns null when none is free. Blocks briefly:
     * call it from a thread that is not in {@code group}.
     */
    static UdpPortPair bind(final NettyTransport transport, final EventLoopGroup group, final InetAddress address,
            final int low, final int high, final InetAddress peer, final Runnable onPeerPacket) {
        final Bootstrap b = new Bootstrap().group(group).channel(transport.datagramChannel())
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(final DatagramChannel ch) {
                        ch.pipeline().addLast(new PeerOnly(peer, onPeerPacket));
                    }
                });
        if (low <= 0) {
            for (int i = 0; i < EPHEMERAL_ATTEMPTS; i++) {
                final Channel a = bindOne(b, address, 0);
                if (a == null) {
                    return null;
                }
                final int port = ((InetSocketAddress) a.localAddress()).getPort();
                final Channel c = port % 2 == 0 && port < 0xFFFF ? bindOne(b, address, port + 1) : null;
                if (c != null) {
                    return new UdpPortPair(a, c);
                }
                a.close();
            }
            return null;
        }
        final int first = low + (low & 1);
        final int pairs = Math.max(0, (high - first + 1) / 2);
        final int start = pairs == 0 ? 0 : Math.floorMod(NEXT.getAndIncrement(), pairs);
        for (int i = 0; i < pairs; i++) {
            final int port = first + 2 * ((start + i) % pairs);
            final Channel a = bindOne(b, address, port);
            if (a == null) {
                continue;
            }
            final Channel c = bindOne(b, address, port + 1);
            if (c != null) {
                return new UdpPortPair(a, c);
            }
            a.close();
        }
        return null;
    }

    private static Channel bindOne(final Bootstrap b, final InetAddress address, final int port) {
        final ChannelFuture f = b.bind(address, port).awaitUninterruptibly();
        return f.isSuccess() ? f.channel() : null;
    }

    public Channel rtp() {
        return rtp;
    }

    public Channel rtcp() {
        return rtcp;
    }

    public int rtpPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    public int rtcpPort() {
        return ((InetSocketAddress) rtcp.localAddress()).getPort();
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }

    /** Lets only the session peer's datagrams count as liveness; never reads them further. */
    private static final class PeerOnly extends SimpleChannelInboundHandler<DatagramPacket> {

        private final InetAddress peer;
        private final Runnable onPeerPacket;

        PeerOnly(final InetAddress peer, final Runnable onPeerPacket) {
            this.peer = peer;
            this.onPeerPacket = onPeerPacket;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final DatagramPacket msg) {
            if (peer.equals(msg.sender().getAddress())) {
                onPeerPacket.run();
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            // ICMP port unreachable after the recorder went away: the session timeout will clean up.
        }
    }
}
