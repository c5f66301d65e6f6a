package io.airlock.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count that one thread keeps and any thread reads (the metrics scrape). The writer publishes each new value with a
 * release store: on x86 a plain store, with no lock prefix or fence, so counting on a packet path costs what a plain
 * {@code long} field costs, yet a reader never sees a torn or out-of-thin-air value. Only one thread may call
 * {@link #increment()} and {@link #add(long)}.
 */
public final class SingleWriterCounter {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SingleWriterCounter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long value;

    /** Adds one; writer thread only. */
    public void increment() {
        VALUE.setRelease(this, value + 1);
    }

    /** Adds {@code n}; writer thread only. */
    public void add(long n) {
        VALUE.setRelease(this, value + n);
    }

    /** The count as of a recent write; any thread. */
    public long get() {
        return (long) VALUE.getAcquire(this);
    }
}
