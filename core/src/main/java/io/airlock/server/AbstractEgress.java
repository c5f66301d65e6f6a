package io.airlock.server;

/**
 * What every {@link Egress} keeps the same way: sent and dropped counts (written by the one thread that offers),
 * the closed flag, and the RTP-Info values from {@link #playing}.
 */
abstract class AbstractEgress implements Egress {

    protected volatile boolean closed;
    private volatile long sent;
    private volatile long dropped;
    private volatile int firstSequenceNumber = -1;
    private volatile long firstRtpTime = -1;

    /** Counts a packet handed to the transport; returns true for {@code offer} to return. */
    protected final boolean countSent() {
        sent = sent + 1;
        return true;
    }

    /** Counts a packet dropped; returns false for {@code offer} to return. */
    protected final boolean countDropped() {
        dropped = dropped + 1;
        return false;
    }

    @Override
    public final void playing(final int sequenceNumber, final long rtpTime) {
        firstSequenceNumber = sequenceNumber;
        firstRtpTime = rtpTime;
    }

    @Override
    public final long sent() {
        return sent;
    }

    @Override
    public final long dropped() {
        return dropped;
    }

    @Override
    public final int firstSequenceNumber() {
        return firstSequenceNumber;
    }

    @Override
    public final long firstRtpTime() {
        return firstRtpTime;
    }
}
