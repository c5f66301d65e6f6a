package io.airlock.rtp;

/**
 * What a receiver knows about one RTP source from sequence numbers, timestamps and arrival times (RFC 3550 §6.4.1,
 * Appendix A.1 and A.8): packets lost in sequence gaps, packets arriving late or twice, and the interarrival jitter.
 *
 * <p>Sequence numbers follow A.1's {@code update_seq}: a forward step of less than {@link #MAX_DROPOUT} is in order
 * (the numbers skipped count as lost), a backward step of at most {@link #MAX_MISORDER} is a late or duplicate
 * packet, and anything else is a jump that is believed only when the next packet follows it (the source restarted).
 * The counts only grow, across {@link #restart}s, so they can be exported as counters. A packet counted lost that
 * turns up later is also counted as reordered, so {@code lost - reordered} is A.3's cumulative number of packets lost
 * ({@code expected - received}), duplicates included.
 *
 * <p>Jitter is A.8's estimator in integer form (scaled by 16, {@code J += |D| - J/16}), fed only by the first packet
 * of each RTP timestamp: the packets of one video frame share a timestamp but leave the camera in a burst, and
 * counting that burst as jitter would measure the frame size, not the network.
 *
 * <p>One writer thread (where the packets arrive). The counters and the jitter are volatile, written only when they
 * change (a gap, a late packet, a new frame), so any thread may read them and a packet in order costs no store
 * barrier.
 */
public final class RtpReception {

    /** Largest forward step still taken as in order (RFC 3550 A.1). */
    public static final int MAX_DROPOUT = 3000;
    /** Largest backward step taken as a late packet rather than a restart (RFC 3550 A.1). */
    public static final int MAX_MISORDER = 100;
    /** Clock rates above this are not RTP media clocks; they are clamped so arrival ticks cannot overflow. */
    static final long MAX_CLOCK_RATE = 10_000_000;
    private static final int SEQ_MOD = 1 << 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private volatile long clockRate = 90_000;
    private boolean started;
    private int maxSeq;
    private int badSeq = -1;
    private long lastTimestamp;
    private long baseNanos;
    private int lastTransit;
    private boolean haveTransit;
    private long jitterScaled;

    private volatile long lost;
    private volatile long reordered;
    private volatile long jitter;

    /**
     * The next packet starts a new session of the source: its sequence number and timestamp are taken as they come.
     *
     * @param clockRate the RTP clock rate of the stream (Hz); non-positive means 90 kHz
     */
    public void restart(long clockRate) {
        this.clockRate = clockRate <= 0 ? 90_000 : Math.min(clockRate, MAX_CLOCK_RATE);
        started = false;
        badSeq = -1;
        haveTransit = false;
        jitterScaled = 0;
        jitter = 0;
    }

    /**
     * Counts one packet.
     *
     * @param sequence     the RTP sequence number (16 bits)
     * @param timestamp    the RTP timestamp (32 bits)
     * @param arrivalNanos when it arrived, on the {@link System#nanoTime()} scale
     */
    public void onPacket(int sequence, long timestamp, long arrivalNanos) {
        int seq = sequence & 0xFFFF;
        long ts = timestamp & 0xFFFF_FFFFL;
        if (!started) {
            started = true;
            maxSeq = seq;
            baseNanos = arrivalNanos;
            lastTimestamp = ts;
            transit(ts, arrivalNanos);
            return;
        }
        int step = (seq - maxSeq) & 0xFFFF;
        if (step == 0 || step > SEQ_MOD - MAX_MISORDER) {
            reordered = reordered + 1;
            return;
        }
        if (step >= MAX_DROPOUT) {
            if (seq != badSeq) {
                // One packet far off is not believed (a stray or corrupt packet); two in a row are a new sequence.
                badSeq = (seq + 1) & 0xFFFF;
                return;
            }
            badSeq = -1;
            maxSeq = seq;
            lastTimestamp = ts;
            haveTransit = false;
            transit(ts, arrivalNanos);
            return;
        }
        if (step > 1) {
            lost = lost + step - 1;
        }
        badSeq = -1;
        maxSeq = seq;
        if (ts != lastTimestamp) {
            lastTimestamp = ts;
            transit(ts, arrivalNanos);
        }
    }

    /** A.8: D(i-1, i) = (R_i - R_(i-1)) - (S_i - S_(i-1)), as the difference of two transit times modulo 2^32. */
    private void transit(long ts, long arrivalNanos) {
        int transit = (int) (arrivalTicks(arrivalNanos) - ts);
        if (haveTransit) {
            // Transit times wrap with the 32-bit timestamp; their int difference is the shorter way round.
            long d = Math.abs((long) (transit - lastTransit));
            jitterScaled += d - ((jitterScaled + 8) >> 4);
            jitter = jitterScaled >> 4;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** Arrival time in units of the RTP clock since the session began, without overflowing for decades. */
    private long arrivalTicks(long arrivalNanos) {
        long elapsed = arrivalNanos - baseNanos;
        return elapsed / NANOS_PER_SECOND * clockRate + elapsed % NANOS_PER_SECOND * clockRate / NANOS_PER_SECOND;
    }

    /** Packets skipped by the sequence numbers so far. */
    public long lost() {
        return lost;
    }

    /** Packets that arrived after a later-numbered one, or twice; {@code lost() - reordered()} is A.3's loss. */
    public long reordered() {
        return reordered;
    }

    /** Interarrival jitter in RTP timestamp units, as an RTCP receiver report would carry it. */
    public long jitter() {
        return jitter;
    }

    /** Interarrival jitter in seconds. */
    public double jitterSeconds() {
        return jitter / (double) clockRate;
    }
}
