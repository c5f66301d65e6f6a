package io.airlock.server;

import io.netty.buffer.ByteBuf;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Where a {@link MediaSource} pushes the RTP and RTCP packets of one track for one session. Implementations never
 * block: a packet that cannot be queued is dropped and counted.
 */
public interface MediaSink {

    /**
     * Queues one packet.
     *
     * @param rtpPacket a whole RTP (or RTCP) packet between readerIndex and writerIndex; the caller keeps its
     *                  reference, the sink retains (or duplicates retained) if it queues
     * @param rtcp      true for RTCP (odd interleaved channel / RTCP port)
     * @return false when the packet was dropped
     */
    boolean offer(ByteBuf rtpPacket, boolean rtcp);

    /**
     * Queues {@code buffer[offset, offset + length)} without the caller building a derived buffer for it. The
     * default slices (one object); {@link Egress} implementations queue the triple itself and allocate nothing.
     */
    default boolean offer(final ByteBuf buffer, final int offset, final int length, final boolean rtcp) {
        return offer(buffer.slice(offset, length), rtcp);
    }

    /** The recorder has taken nothing for longer than it may: end its session. */
    default void disconnect() {
    }

    /** Ends a burst of {@link #offer} calls (one access unit): pushes what was queued to the socket. */
    default void flush() {
    }

    /**
     * Called by the source from {@link MediaSource#attach} with the sequence number and RTP timestamp of the first
     * packet this sink will get, for the PLAY reply's RTP-Info header (RFC 2326 §12.33).
     */
    default void playing(int sequenceNumber, long rtpTime) {
    }

    /** The thread that would rather run the source's work for this sink (its channel's event loop), or null. */
    default ScheduledExecutorService executor() {
        return null;
    }
}
