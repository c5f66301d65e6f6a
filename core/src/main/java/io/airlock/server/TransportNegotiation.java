package io.airlock.server;

import io.airlock.rtsp.TransportHeader;
import io.airlock.rtsp.netty.InterleavedFrameDecoder;
import io.netty.channel.ChannelHandlerContext;

import java.net.InetSocketAddress;

/**
 * The Transport of a SETUP on one connection (RFC 2326 §12.39): parses the offered specs, applies {@link
 * TransportPolicy}, and builds the {@link Egress} for the chosen one: interleaved channels on this connection (the
 * requested pair, or the first free even channel from {@code 2 * track}), or a UDP server port pair sending to the
 * peer's client ports. One per connection, used on its event loop; the parsed header is reused.
 */
final class TransportNegotiation {

    private static final int MAX_INTERLEAVED_CHANNEL = 255;

    private final TransportHeader transport = new TransportHeader();
    private final int[] selected = new int[1];
    private final RtspServer server;
    private final InetSocketAddress peer;
    private final SessionTable sessions;
    private final ChannelHandlerContext ctx;

    TransportNegotiation(final RtspServer server, final InetSocketAddress peer, final SessionTable sessions,
                         final ChannelHandlerContext ctx) {
        this.server = server;
        this.peer = peer;
        this.sessions = sessions;
        this.ctx = ctx;
    }

    /** Parses and checks a Transport value (null when absent); null when acceptable, with the chosen spec selected. */
    TransportRefusal negotiate(final String value) {
        final TransportRefusal refusal = value == null || transport.parse(value) != null
                ? TransportRefusal.BAD_TRANSPORT : TransportPolicy.check(transport, peer.getAddress(), selected);
        if (refusal == null) {
            transport.select(selected[0]);
        }
        return refusal;
    }

    /** Whether the chosen spec is interleaved (RTP/AVP/TCP). */
    boolean tcp() {
        return transport.tcp();
    }

    /** The chosen spec's egress for {@code track} of {@code session}; null when no channel or port pair is free. */
    Egress egress(final int track, final RtspSession session) {
        return transport.tcp() ? tcpEgress(track) : udpEgress(session);
    }

    private Egress tcpEgress(final int track) {
        int rtp = transport.interleavedLow();
        int rtcp = transport.interleavedHigh();
        if (rtp < 0) {
            rtp = 2 * track;
            while (rtp < MAX_INTERLEAVED_CHANNEL && sessions.usesChannel(rtp)) {
                rtp += 2;
            }
            rtcp = rtp + 1;
        } else if (rtcp == rtp) {
            rtcp = rtp + 1;
        }
        if (rtp > MAX_INTERLEAVED_CHANNEL || rtcp > MAX_INTERLEAVED_CHANNEL || sessions.usesChannel(rtp)
                || sessions.usesChannel(rtcp)) {
            return null;
        }
        return new TcpInterleavedEgress(ctx.pipeline().context(InterleavedFrameDecoder.class), rtp, rtcp,
                server.config().recorderQueuePackets());
    }

    private Egress udpEgress(final RtspSession session) {
        final int low = transport.clientPortLow();
        final int high = transport.clientPortHigh() > low ? transport.clientPortHigh() : low + 1;
        final RecorderPortPair ports = server.bindUdp(peer.getAddress(), () -> session.touch(System.nanoTime()));
        if (ports == null) {
            return null;
        }
        return new UdpEgress(ports, new InetSocketAddress(peer.getAddress(), low),
                new InetSocketAddress(peer.getAddress(), Math.min(high, 0xFFFF)), server.config().recorderQueuePackets(),
                () -> disconnect(session));
    }

    /**
     * A UDP recorder of {@code session} stalled (any thread): ends the session on this connection's event loop and
     * closes the connection, as a stalled TCP recorder's is closed; UDP alone would tell the recorder nothing.
     */
    private void disconnect(final RtspSession session) {
        ConnectionLoop.run(ctx, () -> {
            if (sessions.end(session)) {
                ctx.close();
            }
        });
    }
}
