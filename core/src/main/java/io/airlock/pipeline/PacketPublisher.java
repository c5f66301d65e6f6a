package io.airlock.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.netty.buffer.ByteBuf;

/**
 * How a source puts packets into the ring: claim a slot, fill the preallocated event in place, publish. No translator
 * objects and no capturing lambdas, so publishing allocates nothing.
 *
 * <p>Offline sources use {@link #claim} (they may wait for the inspectors: a file can be read at any pace). Live
 * sources use {@link #tryClaim}: a full ring must never stall a camera, so the packet is counted as dropped instead.
 */
public final class PacketPublisher {

    private final RingBuffer<PacketEvent> ring;
    private long dropped;
    private long published;

    public PacketPublisher(RingBuffer<PacketEvent> ring) {
        this.ring = ring;
    }

    /** Claims the next slot, waiting for space. Fill the returned event, then call {@link #publish(long)}. */
    public long claim() {
        return ring.next();
    }

    /** Claims the next slot if there is room; returns -1 (and counts a drop) when the ring is full. */
    public long tryClaim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException e) {
            dropped++;
            return -1;
        }
    }

    /** The event in a claimed slot. */
    public PacketEvent event(long sequence) {
        return ring.get(sequence);
    }

    /** Makes a claimed slot visible to the inspectors. */
    public void publish(long sequence) {
        published++;
        ring.publish(sequence);
    }

    /** Convenience for offline sources: claim, fill the common fields, and return the event (publish it after). */
    public long claim(PacketKind kind, ByteBuf buffer, int offset, int length, boolean owned) {
        long seq = ring.next();
        ring.get(seq).set(kind, buffer, offset, length, owned);
        return seq;
    }

    public long dropped() {
        return dropped;
    }

    public long published() {
        return published;
    }

    /** Slots free right now. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }
}
