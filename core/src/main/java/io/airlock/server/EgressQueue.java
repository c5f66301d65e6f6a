package io.airlock.server;

import io.netty.buffer.ByteBuf;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded multi-producer, single-consumer ring of packet references: (buffer, offset, length, rtcp) held in
 * parallel arrays, so queuing allocates nothing. Each queued entry owns one reference count on its buffer, taken by
 * {@link #offer} and handed to whoever {@link #poll}s it (or released by {@link #clear}).
 *
 * <p>Per-slot sequence numbers (D. Vyukov's bounded queue): a producer claims a position by CAS on the tail, fills
 * the slot, then publishes it by setting the slot's sequence to position + 1; the consumer takes it when that
 * sequence appears and frees the slot by setting it to position + ring length. Lock-free for producers, wait-free
 * for the consumer. {@code offer} never blocks: a full queue answers false.
 */
public final class EgressQueue {

    private final int capacity;
    private final int mask;
    private final ByteBuf[] buffers;
    private final int[] offsets;
    private final int[] lengths;
    private final boolean[] rtcp;
    private final AtomicLongArray sequences;
    private final AtomicLong tail = new AtomicLong();
    private volatile long head;

    private ByteBuf polledBuffer;
    private int polledOffset;
    private int polledLength;
    private boolean polledRtcp;

    /** @param capacity most packets queued at once, at least 1 */
    public EgressQueue(final int capacity) {
        if (capacity < 1 || capacity > 1 << 24) {
            throw new IllegalArgumentException("egress queue capacity out of range: " + capacity);
        }
        this.capacity = capacity;
        final int ring = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.mask = ring - 1;
        this.buffers = new ByteBuf[ring];
        this.offsets = new int[ring];
        this.lengths = new int[ring];
        this.rtcp = new boolean[ring];
        this.sequences = new AtomicLongArray(ring);
        for (int i = 0; i < ring; i++) {
            sequences.set(i, i);
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Packets queued now (a snapshot). */
    public int size() {
        return (int) Math.max(0, Math.min(capacity, tail.get() - head));
    }

    /**
     * Queues {@code buffer[offset, offset + length)} with a new reference ({@code retain()}); any thread.
     *
     * @return false (nothing retained) when the queue is full
     */
    public boolean offer(final ByteBuf buffer, final int offset, final int length, final boolean isRtcp) {
        long pos = tail.get();
        for (;;) {
            final int slot = (int) pos & mask;
            final long diff = sequences.get(slot) - pos;
            if (diff == 0) {
                if (pos - head >= capacity) {
                    return false;
                }
                if (tail.compareAndSet(pos, pos + 1)) {
                    buffers[slot] = buffer.retain();
                    offsets[slot] = offset;
                    lengths[slot] = length;
                    rtcp[slot] = isRtcp;
                    sequences.lazySet(slot, pos + 1);
                    return true;
                }
                pos = tail.get();
            } else if (diff < 0) {
                return false;
            } else {
                pos = tail.get();
            }
        }
    }

    /**
     * Takes the oldest packet; consumer thread only. On true, {@link #polledBuffer()} and its companions describe it
     * and the caller owns the reference (release it, or pass it on to a write).
     */
    public boolean poll() {
        final long pos = head;
        final int slot = (int) pos & mask;
        if (sequences.get(slot) != pos + 1) {
            return false;
        }
        polledBuffer = buffers[slot];
        polledOffset = offsets[slot];
        polledLength = lengths[slot];
        polledRtcp = rtcp[slot];
        buffers[slot] = null;
        sequences.lazySet(slot, pos + mask + 1);
        head = pos + 1;
        return true;
    }

    public ByteBuf polledBuffer() {
        return polledBuffer;
    }

    public int polledOffset() {
        return polledOffset;
    }

    public int polledLength() {
        return polledLength;
    }

    public boolean polledRtcp() {
        return polledRtcp;
    }

    /** Releases every queued packet; consumer thread only. Returns how many were dropped. */
    public int clear() {
        int n = 0;
        while (poll()) {
            polledBuffer.release();
            polledBuffer = null;
            n++;
        }
        polledBuffer = null;
        return n;
    }
}
