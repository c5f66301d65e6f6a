package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;

/**
 * Sends one track as RTP/AVP over UDP unicast (RFC 3550 §11) from a server port pair to the requesting peer's IP at
 * its {@code client_port} pair: never to any other address. {@code offer} queues a packet reference (see
 * {@link AbstractEgress}); the drain, on the RTP socket's event loop, writes retained slices (no copy) to the
 * connected sockets while they are writable and flushes once.
 */
public final class UdpEgress extends AbstractEgress {

    private static final int MAX_DATAGRAM_DATA = 65_507;

    private final UdpPortPair ports;
    private final InetSocketAddress rtpRecipient;
    private final InetSocketAddress rtcpRecipient;

    /** Takes ownership of {@code ports}. */
    public UdpEgress(final UdpPortPair ports, final InetSocketAddress rtpRecipient,
            final InetSocketAddress rtcpRecipient) {
        this(ports, rtpRecipient, rtcpRecipient, DEFAULT_QUEUE_PACKETS);
    }

    /** Takes ownership of {@code ports}; {@code queuePackets} bounds what waits for the socket. */
    public UdpEgress(final UdpPortPair ports, final InetSocketAddress rtpRecipient,
            final InetSocketAddress rtcpRecipient, final int queuePackets) {
        super(ports.rtp().eventLoop(), queuePackets);
        this.ports = ports;
        this.rtpRecipient = rtpRecipient;
        this.rtcpRecipient = rtcpRecipient;
        // Connected sockets take plain buffers: no DatagramPacket per send, and the kernel drops other senders.
        ports.rtp().connect(rtpRecipient);
        ports.rtcp().connect(rtcpRecipient);
    }

    @Override
    protected boolean accepts(final int length, final boolean rtcp) {
        return length <= MAX_DATAGRAM_DATA;
    }

    @Override
    protected void drain(final EgressQueue queue) {
        final Channel rtp = ports.rtp();
        final Channel rtcp = ports.rtcp();
        if (!rtp.isActive()) {
            discard(queue.clear());
            return;
        }
        boolean wroteRtp = false;
        boolean wroteRtcp = false;
        // Stops while the RTP socket cannot take more (the rest waits for the next flush); RTCP rides along.
        while (rtp.isWritable() && queue.poll()) {
            final ByteBuf packet = queue.polledBuffer();
            final Channel ch = queue.polledRtcp() ? rtcp : rtp;
            if (ch != rtp && (!ch.isActive() || !ch.isWritable())) {
                packet.release();
                discard(1);
                continue;
            }
            ch.write(packet.retainedSlice(queue.polledOffset(), queue.polledLength()), ch.voidPromise());
            packet.release();
            if (ch == rtp) {
                wroteRtp = true;
            } else {
                wroteRtcp = true;
            }
        }
        if (wroteRtp) {
            rtp.flush();
        }
        if (wroteRtcp) {
            rtcp.flush();
        }
    }

    public UdpPortPair ports() {
        return ports;
    }

    @Override
    public String transportParameters() {
        return "RTP/AVP;unicast;client_port=" + rtpRecipient.getPort() + '-' + rtcpRecipient.getPort()
                + ";server_port=" + ports.rtpPort() + '-' + ports.rtcpPort();
    }

    @Override
    public void close() {
        closeQueue();
        ports.close();
    }
}
