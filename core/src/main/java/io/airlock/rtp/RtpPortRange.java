package io.airlock.rtp;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The RTP/RTCP port pairs of a UDP port range: RTP on an even port, RTCP on the odd port above it (RFC 3550 §11).
 * A search for a free pair starts at a random pair and walks the range from there, so sessions (and the camera and
 * recorder sides, which share one range) seldom try the same ports first; a bind failure moves on to the next pair.
 *
 * <pre>{@code
 * RtpPortRange r = new RtpPortRange(30000, 30999);   // 500 pairs
 * int start = r.randomStart();
 * for (int i = 0; i < r.attempts(32); i++) {
 *     int rtp = r.rtpPort(start, i);                 // rtp + 1 is the RTCP port, also in the range
 * }
 * }</pre>
 */
public final class RtpPortRange {

    private final int low;
    private final int high;
    private final int firstEven;
    private final int pairs;

    /** The pairs inside [low, high]; a range holding none has {@link #pairs()} 0. */
    public RtpPortRange(final int low, final int high) {
        this.low = low;
        this.high = high;
        this.firstEven = Math.max(0, low + (low & 1));
        this.pairs = Math.max(0, (Math.min(high, 0xFFFF) - firstEven + 1) / 2);
    }

    /** The lowest even port of the range. */
    public int firstEven() {
        return firstEven;
    }

    /** How many even/odd pairs the range holds. */
    public int pairs() {
        return pairs;
    }

    /** A random pair index to start a search at; 0 when the range is empty. */
    public int randomStart() {
        return pairs == 0 ? 0 : ThreadLocalRandom.current().nextInt(pairs);
    }

    /** How many pairs a search tries: every pair, but no more than {@code max}. */
    public int attempts(final int max) {
        return Math.min(pairs, max);
    }

    /** The RTP (even) port of the {@code attempt}-th pair tried by a search that started at pair {@code start}. */
    public int rtpPort(final int start, final int attempt) {
        return firstEven + 2 * ((start + attempt) % pairs);
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
