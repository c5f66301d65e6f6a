package io.airlock.pipeline;

import io.airlock.net.Flow;
import io.netty.buffer.ByteBuf;

/**
 * The one event every source publishes into the ring. It references the bytes where they arrived (a slice of a
 * memory-mapped capture, a pooled Netty receive buffer) instead of copying them. Preallocated by the ring and
 * overwritten in place; the last handler releases an owned buffer and clears the references.
 */
public final class PacketEvent {

    private PacketKind kind;
    private ByteBuf buffer;
    private int offset;
    private int length;
    private boolean owned;
    private long timestampNs;
    private long sourceOffset;
    private Flow flow;
    private Track track;
    private int channel;
    private long arrivalNanos;
    private int linkType;

    /**
     * Fills the event.
     *
     * @param owned true when the event holds a reference count on {@code buffer} that the pipeline must release
     */
    public PacketEvent set(PacketKind kind, ByteBuf buffer, int offset, int length, boolean owned) {
        this.kind = kind;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.owned = owned;
        this.timestampNs = -1;
        this.sourceOffset = -1;
        this.flow = null;
        this.track = null;
        this.channel = -1;
        this.arrivalNanos = -1;
        this.linkType = -1;
        return this;
    }

    /** LINKTYPE_* of a {@link PacketKind#FRAME} (1 = Ethernet, 113 = Linux cooked, ...). */
    public PacketEvent linkType(int linkType) {
        this.linkType = linkType;
        return this;
    }

    public int linkType() {
        return linkType;
    }

    /** When the packet arrived, on the {@link System#nanoTime()} scale, for ingress-to-egress latency; -1 offline. */
    public PacketEvent arrivalNanos(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        return this;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    /** Capture or arrival time, epoch nanoseconds; -1 when the source has no clock (an elementary-stream file). */
    public PacketEvent timestampNs(long timestampNs) {
        this.timestampNs = timestampNs;
        return this;
    }

    /** Byte offset of these bytes in the source file, for evidence; -1 for live sources. */
    public PacketEvent sourceOffset(long sourceOffset) {
        this.sourceOffset = sourceOffset;
        return this;
    }

    public PacketEvent flow(Flow flow) {
        this.flow = flow;
        return this;
    }

    public PacketEvent track(Track track) {
        this.track = track;
        return this;
    }

    /** The RTSP interleaved channel the bytes came on, or -1. */
    public PacketEvent channel(int channel) {
        this.channel = channel;
        return this;
    }

    public PacketKind kind() {
        return kind;
    }

    public ByteBuf buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public boolean owned() {
        return owned;
    }

    public long timestampNs() {
        return timestampNs;
    }

    public long sourceOffset() {
        return sourceOffset;
    }

    public Flow flow() {
        return flow;
    }

    public Track track() {
        return track;
    }

    public int channel() {
        return channel;
    }

    /** Releases an owned buffer and drops every reference, so the ring does not pin memory. */
    public void clear() {
        if (owned && buffer != null) {
            buffer.release();
        }
        buffer = null;
        owned = false;
        flow = null;
        track = null;
        kind = null;
    }
}
