package io.airlock.rtsp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Receives what {@link InterleavedFramer} cuts out of one TCP direction. When {@code owned} is true the listener owns
 * one reference to {@code buf} and must release it; otherwise {@code buf} is the caller's buffer and is only valid for
 * the duration of the call.
 */
public interface RtspFrameListener {

    /** One complete RTSP message: start line, headers, blank line and Content-Length body. */
    void rtspMessage(ByteBuf buf, int off, int len, boolean owned, long streamOffset);

    /** The data of one RFC 2326 §10.12 interleaved frame (without the 4-byte {@code $} header). */
    void interleavedFrame(int channel, ByteBuf buf, int off, int len, boolean owned, long streamOffset);

    /** Bytes were skipped to resynchronise; {@code streamOffset} is where the skipped run began. */
    void framingError(Rejection reason, long streamOffset, long skippedBytes);
}
