package io.airlock.metrics;

/**
 * Latencies in nanoseconds in power-of-two buckets: one array increment per record, nothing allocated, one writer.
 * Readers on other threads see counts that are at most slightly stale; percentiles are the upper edge of the bucket
 * holding the quantile, so they err high by less than a factor of two.
 */
public final class LatencyHistogram {

    private static final int BUCKETS = 64;

    private final long[] counts = new long[BUCKETS];
    private volatile long total;
    private long max;

    /** Records one latency; negative values count as zero. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[BUCKETS - Long.numberOfLeadingZeros(v | 1)]++;
        if (v > max) {
            max = v;
        }
        total = total + 1;
    }

    public long count() {
        return total;
    }

    public long max() {
        return max;
    }

    /** The latency at or below which a fraction {@code q} (0..1) of records fall, as a bucket's upper edge. */
    public long percentile(double q) {
        long n = total;
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i >= 63 ? Long.MAX_VALUE : (1L << i) - 1;
            }
        }
        return max;
    }
}
