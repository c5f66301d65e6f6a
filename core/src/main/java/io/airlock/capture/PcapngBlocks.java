package io.airlock.capture;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * Walks the blocks of a pcapng file for {@link CaptureFileReader} (draft-ietf-opsawg-pcapng §4).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                          Block Type                           |
 * |                      Block Total Length                       |
 * /                          Block Body                           /
 * |                      Block Total Length                       |
 * +---------------------------------------------------------------+
 * Enhanced Packet Block body: Interface ID, Timestamp (High), Timestamp (Low), Captured Packet Length,
 * Original Packet Length, Packet Data (padded to 32 bits), Options.
 * </pre>
 *
 * Section Header Blocks set the byte order and clear the interfaces, Interface Description Blocks add one, Enhanced,
 * Simple and obsolete Packet Blocks yield records, every other block is skipped by its length. A block whose length
 * frame is broken stops the reader; a packet block whose content is bad is counted and skipped.
 */
final class PcapngBlocks {

    static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    static final int OBSOLETE_PACKET_BLOCK = 2;
    static final int SIMPLE_PACKET_BLOCK = 3;
    static final int ENHANCED_PACKET_BLOCK = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int MIN_BLOCK_LENGTH = 12;
    static final int BLOCK_LENGTH_OFFSET = 4;
    static final int BYTE_ORDER_MAGIC_OFFSET = 8;
    static final int SHB_VERSION_MAJOR_OFFSET = 12;
    static final int IDB_LINK_TYPE_OFFSET = 8;
    static final int IDB_SNAP_LENGTH_OFFSET = 12;
    static final int IDB_OPTIONS_OFFSET = 16;
    static final int EPB_HEADER_LENGTH = 28;
    static final int SPB_HEADER_LENGTH = 12;
    static final int OPT_ENDOFOPT = 0;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;
    /** Largest non-packet block whose body is read (section and interface headers with their options). */
    static final int MAX_HEADER_BLOCK_LENGTH = 1024 * 1024;

    private final CaptureFileReader reader;
    private final MappedWindow window;
    private final PcapngInterfaces interfaces = new PcapngInterfaces();
    private boolean active;
    private long lastTimestampNs;

    PcapngBlocks(CaptureFileReader reader, MappedWindow window) {
        this.reader = reader;
        this.window = window;
    }

    void start() {
        active = true;
        reader.position(0);
    }

    boolean active() {
        return active;
    }

    boolean next(CaptureRecord record) throws IOException {
        long size = window.fileSize();
        while (true) {
            long p = reader.position();
            if (p == size) {
                return reader.stopAtEnd();
            }
            if (size - p < MIN_BLOCK_LENGTH || !window.ensure(p, MIN_BLOCK_LENGTH)) {
                return reader.stop(PcapRejection.TRUNCATED_RECORD, p);
            }
            ByteBuf b = window.buffer();
            int h = window.index(p);
            int type = b.getInt(h);
            if (type == SECTION_HEADER_BLOCK) {
                int magic = b.getInt(h + BYTE_ORDER_MAGIC_OFFSET);
                if (magic != BYTE_ORDER_MAGIC && Integer.reverseBytes(magic) != BYTE_ORDER_MAGIC) {
                    return reader.stop(PcapRejection.BAD_SECTION_HEADER, p);
                }
                reader.bigEndian(magic == BYTE_ORDER_MAGIC);
            } else {
                type = (int) reader.u32(b, h);
            }
            long length = reader.u32(b, h + BLOCK_LENGTH_OFFSET);
            if (length < MIN_BLOCK_LENGTH || (length & 3) != 0) {
                return reader.stop(PcapRejection.BAD_BLOCK_LENGTH, p);
            }
            if (p + length > size) {
                return reader.stop(length <= CaptureFileReader.MAX_RECORD_LENGTH + MAX_HEADER_BLOCK_LENGTH
                        ? PcapRejection.TRUNCATED_RECORD : PcapRejection.BLOCK_PAST_END, p);
            }
            long end = p + length;
            if (!window.ensure(end - 4, 4) || reader.u32(window.buffer(), window.index(end - 4)) != length) {
                return reader.stop(PcapRejection.BAD_BLOCK_LENGTH, p);
            }
            reader.position(end);
            if (type == SECTION_HEADER_BLOCK) {
                if (!section(p, length)) {
                    return false;
                }
            } else if (type == INTERFACE_DESCRIPTION_BLOCK) {
                describeInterface(p, length);
            } else if (type == ENHANCED_PACKET_BLOCK || type == OBSOLETE_PACKET_BLOCK) {
                if (packet(record, p, length, type == OBSOLETE_PACKET_BLOCK)) {
                    return true;
                }
            } else if (type == SIMPLE_PACKET_BLOCK) {
                if (simplePacket(record, p, length)) {
                    return true;
                }
            }
        }
    }

    private boolean section(long p, long length) throws IOException {
        interfaces.clear();
        if (length < 28 || !window.ensure(p, 16)) {
            return reader.stop(PcapRejection.BAD_SECTION_HEADER, p);
        }
        if (reader.u16(window.buffer(), window.index(p) + SHB_VERSION_MAJOR_OFFSET) != 1) {
            return reader.stop(PcapRejection.UNSUPPORTED_VERSION, p);
        }
        return true;
    }

    private void describeInterface(long p, long length) throws IOException {
        if (length < IDB_OPTIONS_OFFSET + 4 || !window.ensure(p, IDB_OPTIONS_OFFSET)) {
            reader.count(PcapRejection.BAD_BLOCK_LENGTH);
            return;
        }
        ByteBuf b = window.buffer();
        int h = window.index(p);
        int linkType = reader.u16(b, h + IDB_LINK_TYPE_OFFSET);
        long snapLength = reader.u32(b, h + IDB_SNAP_LENGTH_OFFSET);
        int tsresol = PcapngInterfaces.DEFAULT_TSRESOL;
        long tsoffset = 0;
        if (length <= MAX_HEADER_BLOCK_LENGTH && window.ensure(p, length)) {
            b = window.buffer();
            h = window.index(p);
            long end = h + length - 4;
            long o = h + IDB_OPTIONS_OFFSET;
            while (o + 4 <= end) {
                int code = reader.u16(b, (int) o);
                int optionLength = reader.u16(b, (int) o + 2);
                if (code == OPT_ENDOFOPT || o + 4 + optionLength > end) {
                    break;
                }
                if (code == IF_TSRESOL && optionLength >= 1) {
                    tsresol = b.getUnsignedByte((int) o + 4);
                } else if (code == IF_TSOFFSET && optionLength >= 8) {
                    tsoffset = u64(b, (int) o + 4);
                }
                o += 4 + ((optionLength + 3L) & ~3L);
            }
        }
        if (!interfaces.add(linkType, snapLength, tsresol, tsoffset)) {
            reader.count(PcapRejection.TOO_MANY_INTERFACES);
        }
    }

    private boolean packet(CaptureRecord record, long p, long length, boolean obsolete) throws IOException {
        if (length < EPB_HEADER_LENGTH + 4 || !window.ensure(p, EPB_HEADER_LENGTH)) {
            reader.count(PcapRejection.BAD_BLOCK_LENGTH);
            return false;
        }
        ByteBuf b = window.buffer();
        int h = window.index(p);
        long id = obsolete ? reader.u16(b, h + 8) : reader.u32(b, h + 8);
        if (id >= interfaces.count()) {
            reader.count(PcapRejection.UNKNOWN_INTERFACE);
            return false;
        }
        long timestamp = reader.u32(b, h + 12) << 32 | reader.u32(b, h + 16);
        long captured = reader.u32(b, h + 20);
        long original = reader.u32(b, h + 24);
        if (captured > CaptureFileReader.MAX_RECORD_LENGTH) {
            reader.count(PcapRejection.ABSURD_RECORD_LENGTH);
            return false;
        }
        if (EPB_HEADER_LENGTH + captured > length - 4) {
            reader.count(PcapRejection.CAPTURED_LENGTH_PAST_BLOCK);
            return false;
        }
        long data = p + EPB_HEADER_LENGTH;
        if (!window.ensure(data, captured)) {
            return reader.stop(PcapRejection.TRUNCATED_RECORD, p);
        }
        int i = (int) id;
        lastTimestampNs = interfaces.timestampNs(i, timestamp);
        record.set(window.buffer(), window.index(data), (int) captured, original, data, lastTimestampNs,
                interfaces.linkType(i), i);
        return true;
    }

    private boolean simplePacket(CaptureRecord record, long p, long length) throws IOException {
        if (interfaces.count() == 0) {
            reader.count(PcapRejection.UNKNOWN_INTERFACE);
            return false;
        }
        if (!window.ensure(p, SPB_HEADER_LENGTH)) {
            return reader.stop(PcapRejection.TRUNCATED_RECORD, p);
        }
        long original = reader.u32(window.buffer(), window.index(p) + 8);
        long captured = Math.min(original, length - SPB_HEADER_LENGTH - 4);
        long snap = interfaces.snapLength(0);
        if (snap > 0) {
            captured = Math.min(captured, snap);
        }
        if (captured > CaptureFileReader.MAX_RECORD_LENGTH) {
            reader.count(PcapRejection.ABSURD_RECORD_LENGTH);
            return false;
        }
        long data = p + SPB_HEADER_LENGTH;
        if (!window.ensure(data, captured)) {
            return reader.stop(PcapRejection.TRUNCATED_RECORD, p);
        }
        // A Simple Packet Block has no timestamp: repeat the previous packet's so time never runs backwards.
        record.set(window.buffer(), window.index(data), (int) captured, original, data, lastTimestampNs,
                interfaces.linkType(0), 0);
        return true;
    }

    private long u64(ByteBuf b, int index) {
        return reader.bigEndian() ? b.getLong(index) : b.getLongLE(index);
    }
}
