package io.airlock.alert;

import org.slf4j.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread behind an alert sink: a bounded {@link FindingQueue} that callers offer to without ever waiting, and one
 * thread that hands each finding to an {@link Output}. A failed write is retried, the same finding first, after a
 * capped exponential backoff; meanwhile new findings fill the queue and, when it is full, are dropped and counted. A
 * failure is logged once when it starts and once when writing works again, so a dead SIEM cannot flood the log.
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
    private final long minBackoffNs;
    private final long maxBackoffNs;
    private final FindingQueue queue;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile long closeDeadlineNs;
    private volatile long flushTarget;
    /** Findings taken off the queue and handled (written or given up), and how many of those have been synced. */
    private long handled;
    private long synced;
    private boolean dirty;
    private long failuresInRow;

    /**
     * @param name     names the thread and the log lines, e.g. "alerts file /var/log/airlock/alerts.jsonl"
     * @param capacity findings queued at most
     */
    public SinkWorker(String name, int capacity, Output output, Logger log, Duration minBackoff,
                      Duration maxBackoff) {
        this.name = name;
        this.queue = new FindingQueue(capacity);
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
        return queue.offer(finding);
    }

    /** Findings written. */
    public long delivered() {
        return delivered.get();
    }

    /** Findings never written: the queue was full, or the sink closed before it could write them. */
    public long dropped() {
        return queue.dropped();
    }

    /** Failed writes and syncs (each attempt counts). */
    public long errors() {
        return errors.get();
    }

    /** Findings waiting now. */
    public int queued() {
        return queue.size();
    }

    /**
     * Waits until every finding queued before this call has been written and synced, or given up on at close.
     *
     * @return whether that happened within {@code timeout}
     */
    public boolean flush(Duration timeout) {
        long target = queue.accepted();
        if (target > flushTarget) {
            flushTarget = target;
        }
        LockSupport.unpark(thread);
        long deadlineNs = System.nanoTime() + timeout.toNanos();
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

    /**
     * Stops taking findings, writes and syncs what is queued, and closes the output. Past {@code timeout} the output is
     * aborted and what is left is counted as dropped.
     *
     * @return whether everything queued was written in time
     */
    public boolean close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long droppedBefore = queue.dropped();
        if (!queue.closed()) {
            closeDeadlineNs = deadline;
            queue.close();
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
            queue.dropAll();
        }
        return done && queue.dropped() == droppedBefore;
    }

    private boolean join(long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        try {
            try {
                output.start();
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
            while (!pastCloseDeadline()) {
                Finding f = queue.poll();
                if (f != null) {
                    deliver(f);
                    handled++;
                    if (handled >= flushTarget && synced < flushTarget) {
                        sync();
                    }
                } else if (sync()) {
                    // Offers made before close() are visible once closing is: look again before leaving.
                    if (queue.closed() && queue.isEmpty()) {
                        break;
                    }
                    queue.idle(IDLE_PARK_NS, !queue.closed() && flushTarget <= synced);
                } else if (!backoff()) {
                    break;
                }
            }
            handled += queue.dropAll();
        } finally {
            try {
                output.close();
            } catch (IOException | RuntimeException e) {
                log.warn("{}: closing failed ({})", name, describe(e));
            }
            synchronized (progress) {
                synced = handled;
                progress.notifyAll();
            }
        }
    }

    private boolean pastCloseDeadline() {
        return queue.closed() && System.nanoTime() - closeDeadlineNs > 0;
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
                queue.countDropped();
                return;
            }
            if (!backoff()) {
                queue.countDropped();
                return;
            }
        }
    }

    /** Syncs what was written and records how far that reaches; false when the sync failed. */
    private boolean sync() {
        if (dirty) {
            try {
                output.sync();
                dirty = false;
            } catch (IOException | RuntimeException e) {
                failed(e);
                return false;
            }
        }
        synchronized (progress) {
            synced = handled;
            progress.notifyAll();
        }
        return true;
    }

    /** Waits the next backoff step; false when closing has run out of time and the finding should be given up. */
    private boolean backoff() {
        long until = System.nanoTime()
                + Math.min(maxBackoffNs, minBackoffNs << Math.min(20, Math.max(0, failuresInRow - 1)));
        while (true) {
            long left = until - System.nanoTime();
            if (queue.closed()) {
                long toDeadline = closeDeadlineNs - System.nanoTime();
                if (toDeadline <= 0) {
                    return false;
                }
                left = Math.min(left, toDeadline);
            }
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                return !queue.closed();
            }
        }
    }

    private void failed(Exception e) {
        errors.incrementAndGet();
        if (failuresInRow++ == 0) {
            log.warn("{}: {}; retrying after {} backing off to {}, findings queue meanwhile (dropped when full)",
                    name, describe(e), readable(minBackoffNs), readable(maxBackoffNs));
        }
    }

    private void succeeded() {
        if (failuresInRow > 0) {
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
