package io.airlock.server;

import io.airlock.rtp.RtpPortRange;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder side's even RTP port and next odd RTCP port (RFC 3550 §11), bound on the server address. Datagrams
 * arriving from the session's peer IP (receiver reports) only refresh the session; anything else is dropped unread.
 *
 * <p>Each socket is connected to the recorder's port, so the kernel reports an ICMP port unreachable for what it sent
 * as {@link PortUnreachableException} on the socket's next read or write; Netty's datagram channels (NIO and epoll)
 * fire it down the pipeline and keep the socket open. It is counted and marks that port as <em>refusing</em>, which
 * {@link UdpEgress} treats as a recorder that takes nothing, until a datagram from the peer arrives on the same socket.
 */
public final class RecorderPortPair implements AutoCloseable {

    private static final int EPHEMERAL_ATTEMPTS = 16;

    private final Channel rtp;
    private final Channel rtcp;
    private final PeerWatch watch;

    private RecorderPortPair(final Channel rtp, final Channel rtcp, final PeerWatch watch) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.watch = watch;
    }

    /**
     * Binds a pair from [low, high] (both 0: ephemeral ports), or returns null when none is free. Blocks briefly:
     * call it from a thread that is not in {@code group}. ICMP port unreachable reports are also added to
     * {@code serverUnreachable}.
     */
    static RecorderPortPair bind(final NettyTransport transport, final EventLoopGroup group,
            final InetAddress address, final int low, final int high, final InetAddress peer,
            final Runnable onPeerPacket, final AtomicLong serverUnreachable) {
        final PeerWatch watch = new PeerWatch(peer, onPeerPacket, serverUnreachable);
        final Bootstrap b = new Bootstrap().group(group).channel(transport.datagramChannel()).handler(watch);
        final Channel[] pair = low <= 0 ? bindEphemeral(b, address) : bindInRange(b, address, low, high);
        return pair == null ? null : new RecorderPortPair(pair[0], pair[1], watch);
    }

    private static Channel[] bindEphemeral(final Bootstrap b, final InetAddress address) {
        for (int i = 0; i < EPHEMERAL_ATTEMPTS; i++) {
            final Channel a = bindOne(b, address, 0);
            if (a == null) {
                return null;
            }
            final int port = ((InetSocketAddress) a.localAddress()).getPort();
            final Channel c = port % 2 == 0 && port < 0xFFFF ? bindOne(b, address, port + 1) : null;
            if (c != null) {
                return new Channel[] {a, c};
            }
            a.close();
        }
        return null;
    }

    private static Channel[] bindInRange(final Bootstrap b, final InetAddress address, final int low,
            final int high) {
        final RtpPortRange range = new RtpPortRange(low, high);
        final int start = range.randomStart();
        // Every pair may be tried: the range is shared with the camera side, and a full range is the only refusal.
        for (int i = 0; i < range.pairs(); i++) {
            final int port = range.rtpPort(start, i);
            final Channel a = bindOne(b, address, port);
            if (a == null) {
                continue;
            }
            final Channel c = bindOne(b, address, port + 1);
            if (c != null) {
                return new Channel[] {a, c};
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

    /** Whether the recorder's RTP (or RTCP) port answered ICMP port unreachable and has not been heard from since. */
    public boolean refusing(final boolean isRtcp) {
        return isRtcp ? watch.rtcpRefusing : watch.rtpRefusing;
    }

    /** ICMP port unreachable reports seen on either socket. */
    public long unreachable() {
        return watch.unreachable.get();
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }

    /**
     * Lets only the session peer's datagrams count as liveness and notes what the kernel says about the peer's ports.
     * Shared by the pair's two sockets (and the binds tried before them); the port's parity tells RTP from RTCP.
     */
    @ChannelHandler.Sharable
    private static final class PeerWatch extends SimpleChannelInboundHandler<DatagramPacket> {

        private final InetAddress peer;
        private final Runnable onPeerPacket;
        private final AtomicLong serverUnreachable;
        private final AtomicLong unreachable = new AtomicLong();
        private volatile boolean rtpRefusing;
        private volatile boolean rtcpRefusing;

        PeerWatch(final InetAddress peer, final Runnable onPeerPacket, final AtomicLong serverUnreachable) {
            this.peer = peer;
            this.onPeerPacket = onPeerPacket;
            this.serverUnreachable = serverUnreachable;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final DatagramPacket msg) {
            if (peer.equals(msg.sender().getAddress())) {
                if (rtcp(ctx)) {
                    rtcpRefusing = false;
                } else {
                    rtpRefusing = false;
                }
                onPeerPacket.run();
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            // Never logged: that would be a line a packet while a recorder is gone. Other socket errors leave the
            // socket usable, and the session timeout ends a session whose recorder is never heard from.
            if (cause instanceof PortUnreachableException) {
                unreachable.incrementAndGet();
                serverUnreachable.incrementAndGet();
                if (rtcp(ctx)) {
                    rtcpRefusing = true;
                } else {
                    rtpRefusing = true;
                }
            }
        }

        private static boolean rtcp(final ChannelHandlerContext ctx) {
            return (((InetSocketAddress) ctx.channel().localAddress()).getPort() & 1) == 1;
        }
    }
}
