package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every {@link Egress} does the same way. {@code offer} (any thread, usually the proxy's egress thread) only
 * puts a packet reference into a bounded {@link EgressQueue}, or drops and counts it when the queue is full;
 * {@code flush} schedules one preallocated drain task on the channel's event loop unless one is pending, so there is
 * one cross-thread task per burst rather than a Netty write task per packet. The drain ({@link #drain}) runs on the
 * event loop, writes until the channel stops being writable and flushes once; what it leaves stays queued for the
 * next flush or {@link #writable()}. On close, the drain releases everything still queued.
 *
 * <p>Sent and dropped counts are written by the offering thread; the drain only writes {@code discarded}.
 */
abstract class AbstractEgress implements Egress {

    /** Packets queued per recorder track when no limit is configured. */
    public static final int DEFAULT_QUEUE_PACKETS = 1024;

    protected volatile boolean closed;
    private final EgressQueue queue;
    private final EventLoop eventLoop;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drainTask = this::runDrain;
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
        if (closed || !accepts(length, rtcp) || !queue.offer(buffer, offset, length, rtcp)) {
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
                // The event loop is gone, so nobody else consumes: release here.
                scheduled.set(false);
                discarded = discarded + queue.clear();
            }
        }
    }

    private void runDrain() {
        scheduled.set(false);
        if (closed) {
            discarded = discarded + queue.clear();
            return;
        }
        drain(queue);
    }

    /** Counts packets the drain released unsent (the channel went away); event loop only. */
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
