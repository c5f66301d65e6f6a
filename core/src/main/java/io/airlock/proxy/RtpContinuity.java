package io.airlock.proxy;

import io.netty.buffer.ByteBuf;

/**
 * Keeps one outgoing RTP stream continuous across upstream restarts (RFC 3550 §5.1): recorders see one SSRC and
 * sequence numbers and timestamps that carry on when the camera session is re-established, so a recorder that never
 * reconnected keeps decoding. Within one upstream session, offsets are fixed, so the camera's own gaps and
 * reordering stay visible downstream. Rewrites the 12-byte fixed header in place: the payload is never touched.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * </pre>
 */
public final class RtpContinuity {

    private static final int SEQUENCE_OFFSET = 2;
    private static final int TIMESTAMP_OFFSET = 4;
    private static final int SSRC_OFFSET = 8;
    private static final int MIN_HEADER_LENGTH = 12;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long ssrc;
    private final long clockRate;
    private boolean restart = true;
    private boolean started;
    private int sequenceOffset;
    private long timestampOffset;
    private int lastSequence;
    private long lastTimestamp;
    private long lastNanos;
    private long packets;
    private long octets;

    /**
     * @param ssrc      the SSRC recorders see for this track
     * @param clockRate the track's RTP clock rate, to carry timestamps across a gap in real time
     */
    public RtpContinuity(long ssrc, long clockRate) {
        this.ssrc = ssrc & 0xFFFF_FFFFL;
        this.clockRate = clockRate > 0 ? clockRate : 90_000;
    }

    /** The next packet starts a new upstream session: offsets are recomputed from it. */
    public void restart() {
        restart = true;
    }

    /**
     * Rewrites the header of {@code packet} (readerIndex to writerIndex) in place.
     *
     * @param nowNanos arrival time ({@link System#nanoTime()} scale)
     * @return false when the packet is too short to be RTP (left untouched)
     */
    public boolean rewrite(ByteBuf packet, long nowNanos) {
        return rewrite(packet, packet.readerIndex(), packet.readableBytes(), nowNanos);
    }

    /**
     * Rewrites the header of the packet at {@code packet[at, at + length)} in place.
     *
     * @param nowNanos arrival time ({@link System#nanoTime()} scale)
     * @return false when the packet is too short to be RTP (left untouched)
     */
    public boolean rewrite(ByteBuf packet, int at, int length, long nowNanos) {
        if (length < MIN_HEADER_LENGTH) {
            return false;
        }
        int inSequence = packet.getUnsignedShort(at + SEQUENCE_OFFSET);
        long inTimestamp = packet.getUnsignedInt(at + TIMESTAMP_OFFSET);
        if (restart) {
            restart = false;
            if (started) {
                long elapsedTicks = Math.max(1, (nowNanos - lastNanos) * clockRate / NANOS_PER_SECOND);
                sequenceOffset = (lastSequence + 1 - inSequence) & 0xFFFF;
                timestampOffset = (lastTimestamp + elapsedTicks - inTimestamp) & 0xFFFF_FFFFL;
            }
            started = true;
        }
        lastSequence = (inSequence + sequenceOffset) & 0xFFFF;
        lastTimestamp = (inTimestamp + timestampOffset) & 0xFFFF_FFFFL;
        lastNanos = nowNanos;
        packets++;
        octets += Math.max(0, length - MIN_HEADER_LENGTH - 4 * (packet.getUnsignedByte(at) & 0x0F));
        packet.setShort(at + SEQUENCE_OFFSET, lastSequence);
        packet.setInt(at + TIMESTAMP_OFFSET, (int) lastTimestamp);
        packet.setInt(at + SSRC_OFFSET, (int) ssrc);
        return true;
    }

    /**
     * The RTP timestamp recorders see for the camera's {@code cameraTimestamp}, or -1 while no packet of the current
     * upstream session has set the offset (a sender report then cannot be put in the recorders' terms).
     */
    public long toRecorderTimestamp(long cameraTimestamp) {
        return started && !restart ? (cameraTimestamp + timestampOffset) & 0xFFFF_FFFFL : -1;
    }

    /** Packets of the continuous stream so far, for a sender report's packet count (RFC 3550 §6.4.1, mod 2^32). */
    public long packets() {
        return packets & 0xFFFF_FFFFL;
    }

    /** Payload octets of the continuous stream so far (fixed header and CSRCs excluded), mod 2^32. */
    public long octets() {
        return octets & 0xFFFF_FFFFL;
    }

    /** Sequence number the next packet will carry if it follows on; for RTP-Info. */
    public int nextSequence() {
        return (lastSequence + 1) & 0xFFFF;
    }

    /** Timestamp of the last packet sent; for RTP-Info. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    public long ssrc() {
        return ssrc;
    }
}
