package io.airlock.container.ps;

import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;

/**
 * Receives the video elementary stream (Annex B bytes) that {@link ProgramStreamVideoExtractor} pulls out of a
 * program stream, ready for an Annex B start-code scanner that feeds an {@link io.airlock.codec.NalUnitListener}.
 * Buffers are only valid during the call.
 */
public interface VideoPayloadListener {

    /** The PSM declared the video codec (stream_type 0x1B H.264, 0x24 H.265); repeated on each PSM. */
    default void codec(Codec codec) {
    }

    /** A video PES with a PTS begins: by Hikvision and GB/T 28181 practice, a new access unit. */
    default void accessUnitStart(long pts, long dts, long offset) {
    }

    /** The next slice of Annex B bytes, contiguous with the previous slice unless {@link #discontinuity} intervened. */
    void videoPayload(ByteBuf buf, int off, int len);

    /** Bytes were lost (rejection or truncation): a NAL unit in progress is incomplete. */
    default void discontinuity(long offset) {
    }
}
