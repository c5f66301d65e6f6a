package io.airlock.container.ffmpeg;

import io.netty.buffer.ByteBuf;

/**
 * A reusable holder that {@link ContainerDemuxer#next} fills with one demuxed packet. The buffer wraps FFmpeg's own
 * packet memory: it is valid only until the next call to {@code next} or {@code close}, must not be retained, and is
 * never released by the caller.
 */
public final class ContainerPacket {

    private int trackIndex = -1;
    private ByteBuf buffer;
    private int offset;
    private int length;
    private long ptsNs = -1;
    private boolean keyframe;
    private long position = -1;

    void set(int trackIndex, ByteBuf buffer, int offset, int length, long ptsNs, boolean keyframe, long position) {
        this.trackIndex = trackIndex;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.ptsNs = ptsNs;
        this.keyframe = keyframe;
        this.position = position;
    }

    /** Index of the {@link ContainerTrack} this packet belongs to. */
    public int trackIndex() {
        return trackIndex;
    }

    /** The packet bytes (length-prefixed or Annex B NAL units for video, see {@link ContainerTrack#nalLengthSize}). */
    public ByteBuf buffer() {
        return buffer;
    }

    /** Absolute index of the first packet byte in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** Number of packet bytes. */
    public int length() {
        return length;
    }

    /** Presentation time in nanoseconds from the stream start, -1 when the container gives none. */
    public long ptsNs() {
        return ptsNs;
    }

    /** True when the container marks the packet as a keyframe (random access point). */
    public boolean keyframe() {
        return keyframe;
    }

    /** Byte offset of the packet in the file when FFmpeg knows it, else -1. */
    public long position() {
        return position;
    }

    /** Drops the reference to FFmpeg's memory. */
    public void reset() {
        set(-1, null, 0, 0, -1, false, -1);
    }
}
