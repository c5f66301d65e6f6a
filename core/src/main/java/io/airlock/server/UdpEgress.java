package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one track as RTP/AVP over UDP unicast (RFC 3550 §11) from a server port pair to the requesting peer's IP at
 * its {@code client_port} pair: never to any other address. {@code offer} queues a packet reference (see
 * {@link AbstractEgress}); the drain, on the RTP socket's event loop, writes retained slices (no copy) to the
 * connected sockets while they are writable and flushes once.
 *
 * <p>UDP gives no back-pressure, so a recorder that went away shows only as ICMP port unreachable: while the pair
 * reports the recorder's port {@linkplain RecorderPortPair#refusing refusing}, offers for it are refused (dropped
 * and counted) and what was queued is released unsent, so the source sees a recorder that takes nothing and its
 * stall handling applies. {@link #disconnect()} then ends the session for good.
 */
public final class UdpEgress extends AbstractEgress {

    private static final int MAX_DATAGRAM_DATA = 65_507;
    private static final Runnable NOTHING = () -> { };

    private final RecorderPortPair ports;
    private final InetSocketAddress rtpRecipient;
    private final InetSocketAddress rtcpRecipient;
    private final Runnable endSession;
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private volatile boolean socketsClosed;

    /** Takes ownership of {@code ports}. */
    public UdpEgress(final RecorderPortPair ports, final InetSocketAddress rtpRecipient,
            final InetSocketAddress rtcpRecipient) {
        this(ports, rtpRecipient, rtcpRecipient, DEFAULT_QUEUE_PACKETS, NOTHING);
    }

    /**
     * Takes ownership of {@code ports}; {@code queuePackets} bounds what waits for the socket; {@code endSession}
     * (any thread, at most once) ends the session this track belongs to when the recorder is disconnected.
     */
    public UdpEgress(final RecorderPortPair ports, final InetSocketAddress rtpRecipient,
            final InetSocketAddress rtcpRecipient, final int queuePackets, final Runnable endSession) {
        super(ports.rtp().eventLoop(), queuePackets);
        this.ports = ports;
        this.rtpRecipient = rtpRecipient;
        this.rtcpRecipient = rtcpRecipient;
        this.endSession = endSession;
        // Connected sockets take plain buffers: no DatagramPacket per send, and the kernel drops other senders.
        ports.rtp().connect(rtpRecipient);
        ports.rtcp().connect(rtcpRecipient);
        ports.rtp().closeFuture().addListener(f -> socketsClosed = true);
    }

    @Override
    protected boolean accepts(final int length, final boolean rtcp) {
        return length <= MAX_DATAGRAM_DATA && !socketsClosed && !ports.refusing(rtcp);
    }

    @Override
    protected void drain(final EgressQueue queue) {
        final Channel rtp = ports.rtp();
        final Channel rtcp = ports.rtcp();
        if (!rtp.isActive() || ports.refusing(false)) {
            discard(queue.clear());
            return;
        }
        boolean wroteRtp = false;
        boolean wroteRtcp = false;
        // Stops while the RTP socket cannot take more (the rest waits for the next flush); RTCP rides along.
        while (rtp.isWritable() && queue.poll()) {
            final ByteBuf packet = queue.polledBuffer();
            final Channel ch = queue.polledRtcp() ? rtcp : rtp;
            if (ch != rtp && (!ch.isActive() || !ch.isWritable() || ports.refusing(true))) {
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

    /**
     * The recorder took nothing for too long: stops sending, releases what is queued and the port pair, and ends the
     * session (which closes the recorder's RTSP connection, so the recorder notices). Any thread; once.
     */
    @Override
    public void disconnect() {
        if (disconnected.compareAndSet(false, true)) {
            close();
            endSession.run();
        }
    }

    public RecorderPortPair ports() {
        return ports;
    }

    /** ICMP port unreachable reports for what this egress sent. */
    public long unreachable() {
        return ports.unreachable();
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
