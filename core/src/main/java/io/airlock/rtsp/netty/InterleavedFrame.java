package io.airlock.rtsp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One RFC 2326 §10.12 interleaved frame as it leaves {@link InterleavedFrameDecoder}: the channel number and a
 * retained slice of the data (without the 4-byte {@code $} header). Whoever consumes it releases it.
 *
 * <pre>
 * | '$' = 0x24 | channel (8) | length (16) | data (length bytes) ... |
 * </pre>
 */
public final class InterleavedFrame extends DefaultByteBufHolder {

    private final int channel;

    public InterleavedFrame(final int channel, final ByteBuf payload) {
        super(payload);
        this.channel = channel;
    }

    /** The interleaved channel, 0-255. */
    public int channel() {
        return channel;
    }

    @Override
    public InterleavedFrame replace(final ByteBuf content) {
        return new InterleavedFrame(channel, content);
    }

    @Override
    public String toString() {
        return "InterleavedFrame(channel=" + channel + ", length=" + content().readableBytes() + ')';
    }
}
