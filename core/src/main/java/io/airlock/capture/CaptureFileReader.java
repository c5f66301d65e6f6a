package io.airlock.capture;

import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads classic pcap and pcapng capture files through a memory map, handing out each packet as a zero-copy window.
 *
 * <pre>
 * classic pcap (libpcap file format, draft-ietf-opsawg-pcap §4, §5)
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |          magic a1b2c3d4 (us) / a1b23c4d (ns), either order    |  file header, 24 bytes
 * |  version major = 2            |  version minor = 4            |
 * |  thiszone, sigfigs, snaplen, link type (4 x 32 bits)          |
 * +---------------------------------------------------------------+
 * |  ts seconds  |  ts us/ns  |  captured length  |  original len |  record header, 16 bytes
 * |  packet data (captured length bytes) ...                      |
 * +---------------------------------------------------------------+
 * pcapng (draft-ietf-opsawg-pcapng §3.1): blocks of
 * |  block type  |  block total length  |  body ...  |  block total length  |
 * </pre>
 *
 * The pcapng logic lives in {@link PcapngBlocks}. Malformed content never throws: it is counted in
 * {@link #rejections()}, and when reading cannot go on {@link #next(CaptureRecord)} returns false and
 * {@link #problem()} says why and where.
 */
public final class CaptureFileReader implements Closeable {

    /** Largest packet record accepted. */
    public static final int MAX_RECORD_LENGTH = 256 * 1024;

    static final int PCAP_MAGIC_MICROS = 0xA1B2C3D4;
    static final int PCAP_MAGIC_NANOS = 0xA1B23C4D;
    static final int PCAP_MAGIC_MODIFIED = 0xA1B2CD34;
    static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;
    static final int PCAP_FILE_HEADER_LENGTH = 24;
    static final int PCAP_RECORD_HEADER_LENGTH = 16;
    static final int PCAP_MODIFIED_RECORD_HEADER_LENGTH = 24;
    static final int VERSION_MAJOR_OFFSET = 4;
    static final int LINK_TYPE_OFFSET = 20;
    static final int INCLUDED_LENGTH_OFFSET = 8;
    static final int ORIGINAL_LENGTH_OFFSET = 12;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Path file;
    private final FileChannel channel;
    private final MappedWindow window;
    private final RejectionCounters rejections = new RejectionCounters();
    private final PcapngBlocks pcapng;
    private long position;
    private boolean stopped;
    private String problem;
    private boolean bigEndian;
    private boolean nanos;
    private int recordHeaderLength;
    private int linkType;

    private CaptureFileReader(Path file, FileChannel channel, long size, long maxWindow) throws IOException {
        this.file = file;
        this.channel = channel;
        this.window = new MappedWindow(channel, size, maxWindow);
        this.pcapng = new PcapngBlocks(this, window);
        readFileHeader();
    }

    /** Opens {@code file}; throws only when it cannot be read. Wrong content is reported by {@link #problem()}. */
    public static CaptureFileReader open(Path file) throws IOException {
        return open(file, MappedWindow.MAX_WINDOW);
    }

    /** As {@link #open(Path)} with a smaller mapping window, to exercise remapping in tests. */
    static CaptureFileReader open(Path file, long maxWindow) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("capture file " + file + " is not a readable regular file");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot open capture file " + file + ": " + e.getMessage(), e);
        }
        try {
            return new CaptureFileReader(file, channel, channel.size(), maxWindow);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("cannot read capture file " + file + ": " + e.getMessage(), e);
        }
    }

    private void readFileHeader() throws IOException {
        long size = window.fileSize();
        if (size == 0) {
            stop(PcapRejection.EMPTY_FILE, 0);
            return;
        }
        if (size < 4 || !window.ensure(0, Math.min(size, PCAP_FILE_HEADER_LENGTH))) {
            stop(PcapRejection.NOT_A_CAPTURE_FILE, 0);
            return;
        }
        ByteBuf b = window.buffer();
        int magic = b.getInt(0);
        if (magic == PCAPNG_SECTION_HEADER) {
            pcapng.start();
            return;
        }
        if (magic == PCAP_MAGIC_MICROS || magic == PCAP_MAGIC_NANOS || magic == PCAP_MAGIC_MODIFIED) {
            bigEndian = true;
        } else if (Integer.reverseBytes(magic) == PCAP_MAGIC_MICROS || Integer.reverseBytes(magic) == PCAP_MAGIC_NANOS
                || Integer.reverseBytes(magic) == PCAP_MAGIC_MODIFIED) {
            bigEndian = false;
            magic = Integer.reverseBytes(magic);
        } else {
            stop(PcapRejection.NOT_A_CAPTURE_FILE, 0);
            return;
        }
        if (size < PCAP_FILE_HEADER_LENGTH) {
            stop(PcapRejection.TRUNCATED_HEADER, 0);
            return;
        }
        if (u16(b, VERSION_MAJOR_OFFSET) != 2) {
            stop(PcapRejection.UNSUPPORTED_VERSION, VERSION_MAJOR_OFFSET);
            return;
        }
        nanos = magic == PCAP_MAGIC_NANOS;
        recordHeaderLength = magic == PCAP_MAGIC_MODIFIED ? PCAP_MODIFIED_RECORD_HEADER_LENGTH
                : PCAP_RECORD_HEADER_LENGTH;
        // The upper bits of the link type field carry FCS information (draft-ietf-opsawg-pcap §4).
        linkType = (int) (u32(b, LINK_TYPE_OFFSET) & 0xFFFF);
        position = PCAP_FILE_HEADER_LENGTH;
    }

    /** Fills {@code record} with the next packet; false at the end of the file or when the rest is unreadable. */
    public boolean next(CaptureRecord record) {
        if (stopped) {
            return false;
        }
        try {
            return pcapng.active() ? pcapng.next(record) : nextPcap(record);
        } catch (IOException e) {
            stopped = true;
            problem = "I/O error reading " + file + " at offset " + position + ": " + e.getMessage();
            return false;
        }
    }

    private boolean nextPcap(CaptureRecord record) throws IOException {
        long p = position;
        long remaining = window.fileSize() - p;
        if (remaining == 0) {
            return stopAtEnd();
        }
        if (remaining < recordHeaderLength || !window.ensure(p, recordHeaderLength)) {
            return stop(PcapRejection.TRUNCATED_RECORD, p);
        }
        ByteBuf b = window.buffer();
        int h = window.index(p);
        long included = u32(b, h + INCLUDED_LENGTH_OFFSET);
        if (included > MAX_RECORD_LENGTH) {
            return stop(PcapRejection.ABSURD_RECORD_LENGTH, p);
        }
        long data = p + recordHeaderLength;
        if (data + included > window.fileSize()) {
            return stop(PcapRejection.TRUNCATED_RECORD, p);
        }
        long seconds = u32(b, h);
        long fraction = u32(b, h + 4);
        long original = u32(b, h + ORIGINAL_LENGTH_OFFSET);
        if (!window.ensure(p, recordHeaderLength + included)) {
            return stop(PcapRejection.TRUNCATED_RECORD, p);
        }
        long ts = seconds * NANOS_PER_SECOND + (nanos ? fraction : fraction * 1000);
        record.set(window.buffer(), window.index(data), (int) included, original, data, ts, linkType, 0);
        position = data + included;
        return true;
    }

    /** Counts {@code reason}, stops reading and records why; always false. */
    boolean stop(PcapRejection reason, long offset) {
        rejections.increment(reason);
        stopped = true;
        problem = reason.description() + " (" + reason.name() + " at byte offset " + offset + " of " + file + ")";
        return false;
    }

    /** Marks the clean end of the file; always false. */
    boolean stopAtEnd() {
        stopped = true;
        return false;
    }

    void count(PcapRejection reason) {
        rejections.increment(reason);
    }

    long u32(ByteBuf b, int index) {
        return bigEndian ? b.getUnsignedInt(index) : b.getUnsignedIntLE(index);
    }

    int u16(ByteBuf b, int index) {
        return bigEndian ? b.getUnsignedShort(index) : b.getUnsignedShortLE(index);
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    void position(long position) {
        this.position = position;
    }

    /** File offset of the next record or block. */
    public long position() {
        return position;
    }

    /** File size in bytes. */
    public long size() {
        return window.fileSize();
    }

    /** True for pcapng, false for classic pcap (or an unreadable file). */
    public boolean pcapng() {
        return pcapng.active();
    }

    /** Rejections counted while reading (Layer.PCAP). */
    public RejectionCounters rejections() {
        return rejections;
    }

    /** Why reading stopped before the end of the file (one line with byte offset), or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        window.release();
        channel.close();
    }
}
