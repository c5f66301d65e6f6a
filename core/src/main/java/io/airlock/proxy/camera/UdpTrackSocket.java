package io.airlock.proxy.camera;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The local socket receiving one track's RTP (even port) or RTCP (odd port). Only datagrams whose sender is the
 * camera's address and the {@code server_port} it announced in the SETUP reply are delivered; without an announced
 * port the first sender port from the camera's address is latched. Everything else goes to
 * {@link TrackRouter#foreign}.
 * Marked sharable only so a failed bind attempt can hand it to the next socket; it serves one socket at a time.
 */
@ChannelHandler.Sharable
final class UdpTrackSocket extends SimpleChannelInboundHandler<DatagramPacket> {

    private final TrackRouter router;
    private final int track;
    private final boolean rtcp;
    private InetAddress cameraAddress;
    private int expectedPort = -1;
    private String expected = "unknown";

    UdpTrackSocket(final TrackRouter router, final int track, final boolean rtcp) {
        super(true);
        this.router = router;
        this.track = track;
        this.rtcp = rtcp;
    }

    /** The camera's address and announced port ({@code -1} to latch the first one seen from the camera). */
    void expect(final InetAddress address, final int port) {
        cameraAddress = address;
        expectedPort = port;
        expected = address.getHostAddress() + ":" + (port < 0 ? "any" : Integer.toString(port));
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final DatagramPacket packet) {
        final InetSocketAddress sender = packet.sender();
        if (cameraAddress != null && cameraAddress.equals(sender.getAddress())) {
            if (expectedPort < 0) {
                expectedPort = sender.getPort();
            }
            if (expectedPort == sender.getPort()) {
                router.datagram(track, rtcp, packet.content());
                return;
            }
        }
        router.foreign(track, rtcp, sender, expected);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        // ICMP port unreachable and the like: a datagram socket survives them.
    }
}
