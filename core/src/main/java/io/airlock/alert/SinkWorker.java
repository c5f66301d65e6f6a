package io.airlock.alert;

import org.slf4j.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread behind an alert sink: a bounded queue that callers offer to without ever waiting, and one thread that
 * hands each finding to an {@link Output}. A failed write is retried, the same finding first, after a capped
 * exponential backoff; meanwhile new findings fill the queue and, when it is full, are dropped and counted. A failure
 * is logged once when it starts and once when writing works again, so a dead SIEM cannot flood the log.
 */
public final class SinkWorker {

    /** Where findings go. Called only from the worker thread, except {@link #abort}. */
    public interface Output extends Closeable {

        /** Called once on the worker thread before anything else, to find a bad path or a dead peer early. */
        default void start() throws IOException {
        }

        /** Writes one finding; may buffer. Throws when it could not, and is then asked again after a backoff. */
        void write(Finding finding) throws IOException;

        /** Pushes everything written so far to its destination (disk, socket). */
        void sync() throws IOException;

        /** Unblocks a write stuck in I/O, from another thread, when closing has run out of time. */
        default void abort() {
        }
    }

    /** Production backoff between attempts after a failure. */
    public static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final long IDLE_PARK_NS = 1_000_000_000L;
    private static final long ABORT_GRACE_MS = 1_000;

    private final String name;
    private final Output output;
    private final Logger log;
    private final int capacity;
    private final long minBackoffNs;
    private final long maxBackoffNs;
    private final Queue<Finding> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean closing;
    private volatile long closeDeadlineNs;
    private volatile long flushTarget;
    /** Findings taken off the queue and handled (written or given up), and how many of those have been synced. */
    private long handled;
    private long synced;
    private boolean dirty;
    private boolean failing;
    private long failuresInRow;

    /**
     * @param name     names the thread and the log lines, e.g. "alerts file /var/log/airlock/alerts.jsonl"
     * @param capacity findings queued at most
     */
    public SinkWorker(String name, int capacity, Output output, Logger log, Duration minBackoff,
                      Duration maxBackoff) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1: " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.output = output;
        this.log = log;
        this.minBackoffNs = minBackoff.toNanos();
        this.maxBackoffNs = Math.max(minBackoffNs, maxBackoff.toNanos());
        this.thread = new Thread(this::run, "airlock-" + name.replaceAll("[^A-Za-z0-9.-]+", "-"));
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code finding}; when the queue is full or the sink is closing, drops and counts it. Never waits. */
    public boolean offer(Finding finding) {
        if (closing) {
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
        if (idle) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** Findings written. */
    public long delivered() {
        return delivered.get();
    }

    /** Findings never written: the queue was full, or the sink closed before it could write them. */
    public long dropped() {
        return dropped.get();
    }

    /** Failed writes and syncs (each attempt counts). */
    public long errors() {
        return errors.get();
    }

    /** Findings waiting now. */
    public int queued() {
        return Math.max(0, Math.min(capacity, size.get()));
    }

    /**
     * Waits until every finding queued before this call has been written and synced, or given up on at close.
     *
     * @return whether that happened within {@code timeout}
     */
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        if (target > flushTarget) {
            flushTarget = target;
        }
        LockSupport.unpark(thread);
        return awaitSynced(target, System.nanoTime() + timeout.toNanos());
    }

    /**
     * Stops taking findings, writes and syncs what is queued, and closes the output. Past {@code timeout} the output is
     * aborted and what is left is counted as dropped.
     *
     * @return whether everything queued was written in time
     */
    public boolean close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long droppedBefore = dropped.get();
        if (!closing) {
            closeDeadlineNs = deadline;
            closing = true;
        }
        LockSupport.unpark(thread);
        boolean done = join(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        if (!done) {
            output.abort();
            thread.interrupt();
            done = join(ABORT_GRACE_MS);
        }
        if (done) {
            // An offer that raced the worker's last look at the queue.
            while (queue.poll() != null) {
                size.decrementAndGet();
                dropped.incrementAndGet();
            }
        }
        return done && dropped.get() == droppedBefore;
    }

    private boolean join(long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private boolean awaitSynced(long target, long deadlineNs) {
        synchronized (progress) {
            while (synced < target && thread.isAlive()) {
                long waitMs = (deadlineNs - System.nanoTime()) / 1_000_000;
                if (waitMs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.min(waitMs, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return synced >= target;
        }
    }

    private void run() {
        try {
            try {
                output.start();
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
            while (true) {
                if (closing && System.nanoTime() - closeDeadlineNs > 0) {
                    dropRemaining();
                    break;
                }
                Finding f = queue.poll();
                if (f == null) {
                    sync();
                    // Offers made before close() are visible once closing is: look again before leaving.
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                    park();
                    continue;
                }
                size.decrementAndGet();
                deliver(f);
                handled++;
                if (handled >= flushTarget && synced < flushTarget) {
                    sync();
                }
            }
        } finally {
            try {
                output.close();
            } catch (IOException | RuntimeException e) {
                log.warn("{}: closing failed ({})", name, describe(e));
            }
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void park() {
        idle = true;
        if (queue.isEmpty() && !closing && flushTarget <= synced) {
            LockSupport.parkNanos(this, IDLE_PARK_NS);
        }
        idle = false;
    }

    private void deliver(Finding f) {
        while (true) {
            try {
                output.write(f);
                delivered.incrementAndGet();
                dirty = true;
                succeeded();
                return;
            } catch (IOException e) {
                failed(e);
            } catch (RuntimeException e) {
                // Not I/O: retrying the same finding would fail the same way.
                failed(e);
                dropped.incrementAndGet();
                return;
            }
            if (!backoff()) {
                dropped.incrementAndGet();
                return;
            }
        }
    }

    private void sync() {
        if (dirty) {
            try {
                output.sync();
                dirty = false;
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
        }
        synchronized (progress) {
            synced = handled;
            progress.notifyAll();
        }
    }

    /** Waits the next backoff step; false when closing has run out of time and the finding should be given up. */
    private boolean backoff() {
        long wait = Math.min(maxBackoffNs, minBackoffNs << Math.min(20, Math.max(0, failuresInRow - 1)));
        long until = System.nanoTime() + wait;
        while (true) {
            long left = until - System.nanoTime();
            if (closing) {
                left = Math.min(left, closeDeadlineNs - System.nanoTime());
                if (closeDeadlineNs - System.nanoTime() <= 0) {
                    return false;
                }
            }
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                return !closing;
            }
        }
    }

    private void dropRemaining() {
        while (queue.poll() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            handled++;
        }
    }

    private void failed(Exception e) {
        errors.incrementAndGet();
        failuresInRow++;
        if (!failing) {
            failing = true;
            log.warn("{}: {}; retrying after {} backing off to {}, findings queue meanwhile (dropped when full)",
                    name, describe(e), readable(minBackoffNs), readable(maxBackoffNs));
        }
    }

    private void succeeded() {
        if (failing) {
            failing = false;
            log.warn("{}: writing again after {} failed attempts", name, failuresInRow);
        }
        failuresInRow = 0;
    }

    private static String readable(long ns) {
        return ns < 1_000_000_000L ? ns / 1_000_000 + " ms" : ns / 1_000_000_000L + " s";
    }

    /** One line from an exception: its type and message, control characters removed; never a stack trace. */
    static String describe(Throwable e) {
        String msg = e.getMessage();
        String text = e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
