package io.airlock.capture;

/**
 * The interfaces described by Interface Description Blocks of the current pcapng section (draft-ietf-opsawg-pcapng
 * §4.2): link type, snap length and timestamp resolution ({@code if_tsresol}, option 9) plus offset
 * ({@code if_tsoffset}, option 14). Bounded; preallocated; cleared by every Section Header Block.
 */
final class PcapngInterfaces {

    /** Interfaces kept per section; packets naming a higher id are counted as unknown. */
    static final int MAX_INTERFACES = 256;

    /** Default {@code if_tsresol}: microseconds. */
    static final int DEFAULT_TSRESOL = 6;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final int[] linkTypes = new int[MAX_INTERFACES];
    private final long[] snapLengths = new long[MAX_INTERFACES];
    private final int[] tsresols = new int[MAX_INTERFACES];
    private final long[] offsetsNs = new long[MAX_INTERFACES];
    private int count;

    void clear() {
        count = 0;
    }

    int count() {
        return count;
    }

    /** Adds an interface; false when the table is full. */
    boolean add(int linkType, long snapLength, int tsresol, long offsetSeconds) {
        if (count == MAX_INTERFACES) {
            return false;
        }
        linkTypes[count] = linkType;
        snapLengths[count] = snapLength;
        tsresols[count] = tsresol;
        offsetsNs[count] = offsetSeconds * NANOS_PER_SECOND;
        count++;
        return true;
    }

    int linkType(int id) {
        return linkTypes[id];
    }

    long snapLength(int id) {
        return snapLengths[id];
    }

    /** Converts a 64-bit timestamp of interface {@code id} to nanoseconds since the epoch. */
    long timestampNs(int id, long timestamp) {
        return toNanos(tsresols[id], timestamp) + offsetsNs[id];
    }

    /**
     * {@code if_tsresol}: most significant bit clear = 10^-n seconds per unit, set = 2^-n seconds per unit.
     */
    static long toNanos(int tsresol, long timestamp) {
        int n = tsresol & 0x7F;
        if ((tsresol & 0x80) == 0) {
            if (n <= 9) {
                return timestamp * POWERS_OF_TEN[9 - n];
            }
            return Long.divideUnsigned(timestamp, POWERS_OF_TEN[Math.min(18, n - 9)]);
        }
        if (n == 0) {
            return timestamp * NANOS_PER_SECOND;
        }
        if (n > 63) {
            return 0;
        }
        long seconds = timestamp >>> n;
        long fraction = timestamp & ((1L << n) - 1);
        if (n > 30) {
            fraction >>>= n - 30;
            n = 30;
        }
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND) >>> n);
    }
}
