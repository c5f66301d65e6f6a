package io.airlock.capture;

import io.netty.buffer.ByteBuf;

/**
 * One packet record of a capture file, filled by {@link CaptureFileReader#next(CaptureRecord)} and reused for every
 * record. The packet bytes are a window of the memory-mapped file: {@link #buffer()} from {@link #offset()} for
 * {@link #capturedLength()} bytes. They stay readable after the next call (the mapping is kept alive by the buffer),
 * but the fields of this flyweight do not.
 */
public final class CaptureRecord {

    private ByteBuf buffer;
    private int offset;
    private int capturedLength;
    private long originalLength;
    private long fileOffset;
    private long timestampNs;
    private int linkType;
    private int interfaceId;

    void set(ByteBuf buffer, int offset, int capturedLength, long originalLength, long fileOffset, long timestampNs,
            int linkType, int interfaceId) {
        this.buffer = buffer;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.fileOffset = fileOffset;
        this.timestampNs = timestampNs;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
    }

    /** Drops the buffer reference. */
    public void reset() {
        set(null, 0, 0, 0, 0, 0, 0, 0);
    }

    /** LINKTYPE_* value of the interface that captured this packet (1 = Ethernet, 113 = SLL, ...). */
    public int linkType() {
        return linkType;
    }

    /** Capture time in nanoseconds since the Unix epoch. */
    public long timestampNs() {
        return timestampNs;
    }

    /** Bytes of the packet present in the file. */
    public int capturedLength() {
        return capturedLength;
    }

    /** Length of the packet on the wire (may exceed {@link #capturedLength()} when the snaplen cut it). */
    public long originalLength() {
        return originalLength;
    }

    /** The buffer holding the packet bytes (a mapped window of the file). */
    public ByteBuf buffer() {
        return buffer;
    }

    /** Index of the first packet byte within {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** Position of the first packet byte within the file. */
    public long fileOffset() {
        return fileOffset;
    }

    /** pcapng interface id; 0 for classic pcap. */
    public int interfaceId() {
        return interfaceId;
    }

    @Override
    public String toString() {
        return "CaptureRecord[linkType=" + linkType + " ts=" + timestampNs + " caplen=" + capturedLength + " len="
                + originalLength + " fileOffset=" + fileOffset + " if=" + interfaceId + "]";
    }
}
