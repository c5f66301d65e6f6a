package io.airlock.alert;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded queue of findings from any number of inspector threads to one consumer thread. {@link #offer} never waits
 * and takes no lock: past the capacity, or once closed, the finding is dropped and counted. The consumer parks in
 * {@link #idle} and is woken by the next offer.
 */
final class FindingQueue {

    private final Queue<Finding> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;
    private volatile Thread parked;
    private volatile boolean closed;

    FindingQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    boolean offer(Finding finding) {
        if (closed) {
            dropped.incrementAndGet();
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        queue.offer(finding);
        accepted.incrementAndGet();
        Thread t = parked;
        if (t != null) {
            LockSupport.unpark(t);
        }
        return true;
    }

    /** The next finding, or null. Consumer only. */
    Finding poll() {
        Finding f = queue.poll();
        if (f != null) {
            size.decrementAndGet();
        }
        return f;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Parks the consumer until an offer, an unpark, or {@code nanos}, unless something is already waiting. */
    void idle(long nanos, boolean stillIdle) {
        parked = Thread.currentThread();
        if (stillIdle && queue.isEmpty()) {
            LockSupport.parkNanos(this, nanos);
        }
        parked = null;
    }

    /** Takes no more findings; those offered from now on are dropped. */
    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Empties the queue, counting what it held as dropped; returns how many. */
    int dropAll() {
        int n = 0;
        while (poll() != null) {
            dropped.incrementAndGet();
            n++;
        }
        return n;
    }

    /** Counts a finding taken off the queue but then given up. */
    void countDropped() {
        dropped.incrementAndGet();
    }

    long accepted() {
        return accepted.get();
    }

    long dropped() {
        return dropped.get();
    }

    int size() {
        return Math.max(0, Math.min(capacity, size.get()));
    }
}
