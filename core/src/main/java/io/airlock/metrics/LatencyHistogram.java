package io.airlock.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Latencies in nanoseconds: one array increment per record, nothing allocated, one writer. Each power of two is split
 * into {@link #SUB_BUCKETS} linear sub-buckets, so a percentile is the upper edge of a bucket at most 12.5 % wider
 * than its lower edge (the same idea as HdrHistogram, at a fixed precision); powers of two are exact bucket edges.
 *
 * <p>The writer publishes with release stores (plain stores on x86, no fence per record) and readers load with
 * acquire, so readers on other threads (the metrics scrape) see counts that are at most slightly stale, never torn.
 */
public final class LatencyHistogram {

    /** Linear sub-buckets per power of two: 8 gives at most 12.5 % error. */
    public static final int SUB_BUCKETS = 8;
    private static final int SUB_BITS = 3;
    private static final int BUCKETS = 64 * SUB_BUCKETS;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TOTAL = field("total");
    private static final VarHandle SUM = field("sum");
    private static final VarHandle MAX = field("max");

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long sum;
    private long max;

    /** Records one latency; negative values count as zero. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        int i = index(v);
        COUNT.setRelease(counts, i, counts[i] + 1);
        SUM.setRelease(this, sum + v);
        if (v > max) {
            MAX.setRelease(this, v);
        }
        TOTAL.setRelease(this, total + 1);
    }

    static int index(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls in bucket {@code i}. */
    static long upperEdge(int i) {
        if (i < SUB_BUCKETS) {
            return i;
        }
        int exponent = i / SUB_BUCKETS + SUB_BITS - 1;
        long sub = i % SUB_BUCKETS;
        long lower = (1L << exponent) + (sub << (exponent - SUB_BITS));
        return lower + (1L << (exponent - SUB_BITS)) - 1;
    }

    public long count() {
        return (long) TOTAL.getAcquire(this);
    }

    public long max() {
        return (long) MAX.getAcquire(this);
    }

    /** Sum of every latency recorded, in nanoseconds. */
    public long sum() {
        return (long) SUM.getAcquire(this);
    }

    /** A copy of the counts, to subtract from a later copy for the percentiles of a window. */
    public long[] snapshot() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = (long) COUNT.getAcquire(counts, i);
        }
        return copy;
    }

    /** The latency at or below which a fraction {@code q} (0..1) of records fall, as a bucket's upper edge. */
    public long percentile(double q) {
        return percentile(snapshot(), q);
    }

    /** {@link #percentile(double)} over counts taken from {@link #snapshot()}, or a difference of two. */
    public static long percentile(long[] counts, double q) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperEdge(i);
            }
        }
        return upperEdge(counts.length - 1);
    }

    private static VarHandle field(String name) {
        try {
            return MethodHandles.lookup().findVarHandle(LatencyHistogram.class, name, long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
