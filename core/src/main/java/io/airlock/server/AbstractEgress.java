package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every {@link Egress} does the same way. {@code offer} (any thread, usually the proxy's egress thread) only
 * puts a packet reference into a bounded {@link EgressQueue}, or drops and counts it when the queue is full;
 * {@code flush} schedules one preallocated drain task on the channel's event loop unless one is pending, so there is
 * one cross-thread task per burst rather than a Netty write task per packet. The drain ({@link #drain}) runs on the
 * event loop, writes until the channel stops being writable and flushes once; what it leaves stays queued for the
 * next flush or {@link #writable()}. On close, the drain releases everything still queued, and goes again while a
 * producer that had not yet seen the close still holds a claimed slot. Once the event loop refuses tasks, or has ended
 * with a drain still pending, whoever finds that out releases the queue itself, never while a drain is still
 * consuming it: the queue has one consumer at a time.
 *
 * <p>Sent and dropped counts are written by the offering thread; only the consumer writes {@code discarded}.
 */
abstract class AbstractEgress implements Egress {

    /** Packets queued per recorder track when no limit is configured. */
    public static final int DEFAULT_QUEUE_PACKETS = 1024;

    protected volatile boolean closed;
    private final EgressQueue queue;
    private final EventLoop eventLoop;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean releaseAtTermination = new AtomicBoolean();
    private final Runnable drainTask = this::runDrain;
    /** The thread consuming the queue now: the event loop's drain, or a thread releasing it after the loop ended. */
    private final AtomicReference<Thread> consumer = new AtomicReference<>();
    private volatile long sent;
    private volatile long dropped;
    private volatile long discarded;
    private volatile int firstSequenceNumber = -1;
    private volatile long firstRtpTime = -1;

    protected AbstractEgress(final EventLoop eventLoop, final int queuePackets) {
        this.eventLoop = eventLoop;
        this.queue = new EgressQueue(queuePackets);
    }

    @Override
    public final boolean offer(final ByteBuf rtpPacket, final boolean rtcp) {
        return offer(rtpPacket, rtpPacket.readerIndex(), rtpPacket.readableBytes(), rtcp);
    }

    @Override
    public final boolean offer(final ByteBuf buffer, final int offset, final int length, final boolean rtcp) {
        if (closed || offset < 0 || length < 0 || offset > buffer.capacity() - length || !accepts(length, rtcp)
                || !queue.offer(buffer, offset, length, rtcp)) {
            dropped = dropped + 1;
            return false;
        }
        if (closed) {
            // Closed between the check and the enqueue: make sure a drain releases what was just queued.
            schedule();
        }
        sent = sent + 1;
        return true;
    }

    @Override
    public final void flush() {
        if (closed || queue.size() > 0) {
            schedule();
        }
    }

    /** The channel became writable again (event loop): write what is still queued. */
    public final void writable() {
        if (eventLoop.inEventLoop()) {
            runDrain();
        } else {
            schedule();
        }
    }

    @Override
    public final EventLoop executor() {
        return eventLoop;
    }

    /** Whether a packet of {@code length} can ever be sent on this transport; checked before queuing. */
    protected abstract boolean accepts(int length, boolean rtcp);

    /**
     * Writes queued packets on the event loop while the transport takes them, then flushes once. Each polled
     * reference is the drain's to pass on or release.
     */
    protected abstract void drain(EgressQueue queue);

    /** Marks closed and lets the event loop release what is queued; later offers are dropped. */
    protected final void closeQueue() {
        closed = true;
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                eventLoop.execute(drainTask);
            } catch (RejectedExecutionException e) {
                // The event loop is gone, so nobody else will drain: stop queuing and release here.
                releaseForGood();
                return;
            }
            if (eventLoop.isShuttingDown() && releaseAtTermination.compareAndSet(false, true)) {
                // A loop that is shutting down may still accept the task yet terminate without running it (Netty
                // then warns of a non-empty task queue), and the pending flag would keep every later flush from
                // scheduling another: release what is left once the loop has ended.
                eventLoop.terminationFuture().addListener(ended -> releaseForGood());
            }
        }
    }

    /** No drain will run again: later offers are dropped and what is queued is released here. */
    private void releaseForGood() {
        closed = true;
        scheduled.set(false);
        releaseQueued();
    }

    /** Releases what is queued unless another thread is consuming; that one looks again when it is done. */
    private void releaseQueued() {
        final Thread me = Thread.currentThread();
        final boolean outer = consumer.compareAndSet(null, me);
        if (outer || consumer.get() == me) {
            try {
                discarded = discarded + queue.clear();
            } finally {
                if (outer) {
                    consumer.set(null);
                }
            }
        }
    }

    private void runDrain() {
        scheduled.set(false);
        final Thread me = Thread.currentThread();
        // Nested on the event loop (writability changing during the drain's own flush) is fine: same consumer.
        final boolean outer = consumer.compareAndSet(null, me);
        if (!outer && consumer.get() != me) {
            return;
        }
        try {
            if (closed) {
                discarded = discarded + queue.clear();
            } else {
                drain(queue);
            }
        } finally {
            if (outer) {
                consumer.set(null);
            }
        }
        if (outer && closed && queue.size() > 0) {
            // A producer claimed a slot before it saw the close and has not published it yet (or a thread that
            // found the loop gone left it to us): go again until everything offered is released.
            schedule();
        }
    }

    /** Counts packets the drain released unsent (the channel went away); the consumer only. */
    protected final void discard(final int packets) {
        discarded = discarded + packets;
    }

    /** Packets queued and not yet written (a snapshot). */
    public final int queued() {
        return queue.size();
    }

    /** Packets that were queued but released unsent because the egress closed. */
    public final long discarded() {
        return discarded;
    }

    @Override
    public final void playing(final int sequenceNumber, final long rtpTime) {
        firstSequenceNumber = sequenceNumber;
        firstRtpTime = rtpTime;
    }

    @Override
    public final long sent() {
        return sent;
    }

    @Override
    public final long dropped() {
        return dropped;
    }

    @Override
    public final int firstSequenceNumber() {
        return firstSequenceNumber;
    }

    @Override
    public final long firstRtpTime() {
        return firstRtpTime;
    }
}
