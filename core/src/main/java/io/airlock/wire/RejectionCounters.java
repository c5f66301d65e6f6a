package io.airlock.wire;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * Counts rejections by reason without allocating. One instance per thread that parses; merge them for reporting.
 * Not thread-safe.
 *
 * <p>Each rejection enum gets its own block of slots, keyed by its class, so two enums of the same layer never share
 * a counter.
 */
public final class RejectionCounters {

    /** Distinct rejection enums the process may have. */
    static final int MAX_ENUMS = 64;
    private static final AtomicInteger NEXT_BLOCK = new AtomicInteger();
    private static final ClassValue<Integer> BLOCKS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            int block = NEXT_BLOCK.getAndIncrement();
            if (block >= MAX_ENUMS) {
                throw new IllegalStateException("more than " + MAX_ENUMS + " rejection enums; raise MAX_ENUMS");
            }
            return block;
        }
    };

    private final long[] counts = new long[MAX_ENUMS * Layer.MAX_REASONS_PER_LAYER];
    private final Rejection[] reasons = new Rejection[counts.length];

    /** Counts one occurrence of {@code reason}. */
    public void increment(Rejection reason) {
        add(reason, 1);
    }

    /** Counts {@code n} occurrences of {@code reason}. */
    public void add(Rejection reason, long n) {
        int index = index(reason);
        counts[index] += n;
        reasons[index] = reason;
    }

    /** How often {@code reason} was counted. */
    public long count(Rejection reason) {
        return counts[index(reason)];
    }

    private static int index(Rejection reason) {
        Class<?> type = reason instanceof Enum ? ((Enum<?>) reason).getDeclaringClass() : reason.getClass();
        return BLOCKS.get(type) * Layer.MAX_REASONS_PER_LAYER + reason.ordinal();
    }

    /** Sum of every count. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** Adds every count of {@code other} to this one. */
    public void addAll(RejectionCounters other) {
        for (int i = 0; i < counts.length; i++) {
            if (other.counts[i] != 0) {
                counts[i] += other.counts[i];
                reasons[i] = other.reasons[i];
            }
        }
    }

    /** Visits each reason with a non-zero count; for reporting, not for the packet path. */
    public void forEach(ObjIntConsumer<Rejection> visitor) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                visitor.accept(reasons[i], (int) Math.min(Integer.MAX_VALUE, counts[i]));
            }
        }
    }

    /** Visits each reason with a non-zero count as a long. */
    public void forEachCount(java.util.function.BiConsumer<Rejection, Long> visitor) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                visitor.accept(reasons[i], counts[i]);
            }
        }
    }
}
