package io.airlock.capture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only memory-mapped window of at most {@code maxWindow} bytes over a file. Asking for a range that is not
 * wholly inside the current window remaps the window to start at that range, so a record that crosses a window end
 * is always readable in one piece. Buffers of earlier windows stay valid while someone references them.
 */
final class MappedWindow {

    /** Largest window mapped at once. */
    static final long MAX_WINDOW = 1L << 30;

    private final FileChannel channel;
    private final long fileSize;
    private final long maxWindow;
    private ByteBuf buffer = Unpooled.EMPTY_BUFFER;
    private long start;
    private long length;

    MappedWindow(FileChannel channel, long fileSize, long maxWindow) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.maxWindow = Math.max(1, Math.min(MAX_WINDOW, maxWindow));
    }

    /**
     * Makes {@code [position, position + count)} readable through {@link #buffer()}; false when the range leaves the
     * file or is larger than a window.
     */
    boolean ensure(long position, long count) throws IOException {
        if (position < 0 || count < 0 || position + count > fileSize || count > maxWindow) {
            return false;
        }
        if (position >= start && position + count <= start + length) {
            return true;
        }
        long mapLength = Math.min(maxWindow, fileSize - position);
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, position, mapLength);
        buffer = Unpooled.wrappedBuffer(map);
        start = position;
        length = mapLength;
        return true;
    }

    /** The current window. */
    ByteBuf buffer() {
        return buffer;
    }

    /** Index within {@link #buffer()} of a file position inside the current window. */
    int index(long position) {
        return (int) (position - start);
    }

    long fileSize() {
        return fileSize;
    }

    void release() {
        buffer = Unpooled.EMPTY_BUFFER;
        start = 0;
        length = 0;
    }
}
