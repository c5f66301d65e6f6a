package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends one track as RTP/AVP over UDP unicast (RFC 3550 §11) from a server port pair to the requesting peer's IP at
 * its {@code client_port} pair: never to any other address. A retained duplicate of the caller's packet is sent, no
 * copy; when the socket is not writable the packet is dropped and counted.
 */
public final class UdpEgress extends AbstractEgress {

    private final UdpPortPair ports;
    private final InetSocketAddress rtpRecipient;
    private final InetSocketAddress rtcpRecipient;

    /** Takes ownership of {@code ports}. */
    public UdpEgress(final UdpPortPair ports, final InetSocketAddress rtpRecipient,
            final InetSocketAddress rtcpRecipient) {
        this.ports = ports;
        this.rtpRecipient = rtpRecipient;
        this.rtcpRecipient = rtcpRecipient;
        // Connected sockets take plain buffers: no DatagramPacket per send, and the kernel drops other senders.
        ports.rtp().connect(rtpRecipient);
        ports.rtcp().connect(rtcpRecipient);
    }

    @Override
    public boolean offer(final ByteBuf rtpPacket, final boolean rtcp) {
        final Channel ch = rtcp ? ports.rtcp() : ports.rtp();
        if (closed || !ch.isActive() || !ch.isWritable()) {
            return countDropped();
        }
        ch.write(rtpPacket.retainedDuplicate(), ch.voidPromise());
        return countSent();
    }

    @Override
    public void flush() {
        if (!closed) {
            ports.rtp().flush();
            ports.rtcp().flush();
        }
    }


    @Override
    public ScheduledExecutorService executor() {
        return ports.rtp().eventLoop();
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
        closed = true;
        ports.close();
    }
}
