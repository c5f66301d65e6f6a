package io.airlock.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file mapped into memory in windows of at most {@link #WINDOW} bytes (a Java mapping is limited to 2 GiB),
 * exposed as Netty buffers so parsers read the page cache directly, without copies.
 */
public final class MappedFile implements AutoCloseable {

    /** Window size: a multiple of every chunk size the sources use, so chunks never straddle windows. */
    public static final long WINDOW = 1L << 30;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private long windowStart = -1;
    private ByteBuf window;

    private MappedFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Opens {@code path}; the exception message names the file and the reason. */
    public static MappedFile open(Path path) throws IOException {
        try {
            return new MappedFile(path, FileChannel.open(path, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new IOException(path + ": cannot open (" + reason(e) + ")", e);
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /**
     * A buffer whose index {@code 0} is file offset {@link #windowStart()} and which contains
     * {@code [position, position + length)}; remaps when needed. {@code length} must not exceed {@link #WINDOW}.
     */
    public ByteBuf window(long position, int length) throws IOException {
        if (window == null || position < windowStart || position + length > windowStart + window.capacity()) {
            long start = position;
            long len = Math.min(WINDOW, size - start);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, start, len);
            window = Unpooled.wrappedBuffer(map);
            windowStart = start;
        }
        return window;
    }

    /** File offset of index 0 of the current window. */
    public long windowStart() {
        return windowStart;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        if (name.equals("NoSuchFileException")) {
            return "no such file";
        }
        if (name.equals("AccessDeniedException")) {
            return "permission denied";
        }
        return e.getMessage() == null ? name : e.getMessage();
    }
}
