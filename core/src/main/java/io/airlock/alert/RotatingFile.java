package io.airlock.alert;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file of whole lines, rotated by size: before a line would take {@code name} past the bound, {@code name.N-1} moves
 * to {@code name.N} (down to {@code name.1}), {@code name} to {@code name.1}, and the oldest is deleted. A line is
 * never split across files; a line larger than the bound gets a file of its own. A write that fails part-way is cut
 * back off the file so no partial line stays. Used from one thread; {@link #close} may come from another.
 */
final class RotatingFile implements Closeable {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<StandardOpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    private static final ByteBuffer NEWLINE = ByteBuffer.wrap(new byte[] {'\n'}).asReadOnlyBuffer();

    private final Path path;
    private final long maxBytes;
    private final int keep;
    private volatile FileChannel channel;
    private volatile long rotations;
    private long size;

    RotatingFile(Path path, long maxBytes, int keep) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /** Appends {@code line}, which ends with its newline, rotating first when it would not fit. */
    void append(ByteBuffer line) throws IOException {
        FileChannel ch = open();
        if (size > 0 && size + line.remaining() > maxBytes) {
            rotate();
            ch = open();
        }
        write(ch, line);
    }

    /** Forces what was written to the disk. */
    void sync() throws IOException {
        FileChannel ch = channel;
        if (ch != null) {
            ch.force(false);
        }
    }

    /** Rotations done so far. */
    long rotations() {
        return rotations;
    }

    /** Opens the file now (creating its directory), so that a bad path shows before the first finding. */
    FileChannel open() throws IOException {
        FileChannel ch = channel;
        if (ch != null) {
            return ch;
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, attributes("rwxr-x---"));
        }
        ch = FileChannel.open(path, OPEN, attributes("rw-r-----"));
        try {
            size = ch.size();
            // A line cut short by a crash would swallow the next one: end it first.
            ByteBuffer last = ByteBuffer.allocate(1);
            if (size > 0 && ch.read(last, size - 1) == 1 && last.get(0) != '\n') {
                write(ch, NEWLINE.duplicate());
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        return ch;
    }

    private void write(FileChannel ch, ByteBuffer bytes) throws IOException {
        long before = size;
        try {
            while (bytes.hasRemaining()) {
                size += ch.write(bytes, size);
            }
        } catch (IOException e) {
            try {
                ch.truncate(before);
            } catch (IOException | RuntimeException ignored) {
                // The file is reopened on the next attempt; a partial line then gets its newline there.
            }
            close();
            throw e;
        }
    }

    private void rotate() throws IOException {
        close();
        Files.deleteIfExists(numbered(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(path, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        rotations++;
    }

    private Path numbered(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    @Override
    public void close() throws IOException {
        FileChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }
}
