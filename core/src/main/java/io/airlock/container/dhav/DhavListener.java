package io.airlock.container.dhav;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Receives what {@link DhavDemuxer} finds, in stream order; every method has a no-op default. A frame arrives as
 * {@link #frameStart}, its {@link #extension}s, an optional {@link #videoInfo}, zero or more {@link #framePayload}
 * slices and exactly one {@link #frameEnd}. Buffers are only valid during the call.
 */
public interface DhavListener {

    /** A "DAHUA" file header (0x400 bytes, skipped) at the start of the data. */
    default void fileHeader(long offset) {
    }

    /**
     * A frame begins.
     *
     * @param type        0xFD I, 0xFC P, 0xFE B, 0xFB JPEG, 0xF0 audio, 0xF1 assistant (private data), 0x80 custom
     * @param frameLength total bytes: header, extensions, payload and the 8-byte tail (u32)
     * @param dateBits    sec[0:6] min[6:12] hour[12:17] day[17:22] month[22:26] year-2000[26:32]
     * @param timestampMs 16-bit millisecond time stamp (wraps)
     */
    default void frameStart(int type, int subtype, int channel, long frameNumber, long frameLength, long dateBits,
            int timestampMs, long offset) {
    }

    /**
     * One extension TLV; {@code off}/{@code len} cover it from its type byte. An unknown type ({@code known} false)
     * covers the rest of the extension area, which FFmpeg skips too.
     */
    default void extension(int type, ByteBuf buf, int off, int len, boolean known, long offset) {
    }

    /**
     * Video parameters from extensions 0x80/0x81/0x82 of the current frame; -1 where none said.
     *
     * @param codec 1 MPEG-4, 2/4/8 H.264, 3 MJPEG, 0xC HEVC
     */
    default void videoInfo(int codec, int width, int height, int frameRate) {
    }

    /** The next slice of the frame's payload (zero-copy). */
    default void framePayload(int type, ByteBuf buf, int off, int len) {
    }

    /** The frame is over; {@code tailOk} false when the tail mismatched or the data ended inside the frame. */
    default void frameEnd(boolean tailOk) {
    }

    /** Some bytes were refused or lost; the demuxer carries on. */
    default void rejected(Rejection reason, long offset) {
    }
}
