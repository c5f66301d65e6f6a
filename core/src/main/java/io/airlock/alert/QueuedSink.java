package io.airlock.alert;

import java.io.Closeable;
import java.time.Duration;

/**
 * A sink that only queues on the caller's thread and writes on a {@link SinkWorker} of its own: the shape of every
 * sink that talks to a disk or a network, so inspectors never wait on either.
 */
public abstract class QueuedSink implements FindingSink, Closeable {

    /** How long {@link #close()} lets the worker write out what is queued. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final SinkWorker worker;

    protected QueuedSink(SinkWorker worker) {
        this.worker = worker;
    }

    /** Queues the finding, or drops and counts it when the queue is full. Never waits. */
    @Override
    public final void onFinding(Finding finding) {
        worker.offer(finding);
    }

    /** Findings written. */
    protected final long delivered() {
        return worker.delivered();
    }

    /** Findings not written: the queue was full, or the sink closed before it could write them. */
    public final long dropped() {
        return worker.dropped();
    }

    /** Failed attempts (each retry counts). */
    public final long errors() {
        return worker.errors();
    }

    /** Waits until every finding queued so far has been written and synced; false when it took longer. */
    public final boolean flush(Duration timeout) {
        return worker.flush(timeout);
    }

    /**
     * Stops taking findings, writes out what is queued within {@code timeout}, then closes; false when something was
     * not written. Shut down only after this returns.
     */
    public final boolean close(Duration timeout) {
        return worker.close(timeout);
    }

    @Override
    public final void close() {
        close(CLOSE_TIMEOUT);
    }
}
