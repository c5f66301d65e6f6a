package io.airlock.rtp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Flyweight over one RTP packet, RFC 3550 §5.1.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length              |  (X = 1, RFC 3550 §5.3.1)
 * |                        header extension                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * {@link #wrap} validates once; accessors then trust the layout. Absolute reads only, nothing retained or copied.
 */
public final class RtpPacket {

    public static final int VERSION = 2;
    public static final int MIN_HEADER_LENGTH = 12;
    public static final int SEQUENCE_NUMBER_OFFSET = 2;
    public static final int TIMESTAMP_OFFSET = 4;
    public static final int SSRC_OFFSET = 8;
    public static final int CSRC_OFFSET = 12;
    public static final int EXTENSION_HEADER_LENGTH = 4;

    private ByteBuf buffer;
    private int offset;
    private int first;
    private int second;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private int extensionOffset;
    private int extensionLength;
    private int payloadOffset;
    private int payloadLength;
    private int paddingLength;

    /** Validates {@code length} bytes at {@code offset} as one RTP packet; null when valid. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        reset();
        if (length < MIN_HEADER_LENGTH || offset < 0 || (long) offset + length > buffer.capacity()) {
            return RtpRejection.TOO_SHORT;
        }
        int word0 = buffer.getInt(offset);
        int b0 = word0 >>> 24;
        if (b0 >>> 6 != VERSION) {
            return RtpRejection.BAD_VERSION;
        }
        long end = (long) offset + length;
        long cursor = (long) offset + CSRC_OFFSET + 4L * (b0 & 0x0F);
        if (cursor > end) {
            return RtpRejection.CSRC_OVERRUN;
        }
        int extOffset = -1;
        int extLength = 0;
        if ((b0 & 0x10) != 0) {
            if (cursor + EXTENSION_HEADER_LENGTH > end) {
                return RtpRejection.EXTENSION_OVERRUN;
            }
            long words = buffer.getUnsignedShort((int) cursor + 2);
            extOffset = (int) cursor + EXTENSION_HEADER_LENGTH;
            cursor += EXTENSION_HEADER_LENGTH + 4L * words;
            if (cursor > end) {
                return RtpRejection.EXTENSION_OVERRUN;
            }
            extLength = (int) (4L * words);
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            padding = buffer.getUnsignedByte((int) end - 1);
            if (padding == 0) {
                return RtpRejection.ZERO_PADDING;
            }
            if (cursor + padding > end) {
                return RtpRejection.PADDING_OVERRUN;
            }
        }
        this.buffer = buffer;
        this.offset = offset;
        this.first = b0;
        this.second = (word0 >>> 16) & 0xFF;
        this.sequenceNumber = word0 & 0xFFFF;
        this.timestamp = buffer.getUnsignedInt(offset + TIMESTAMP_OFFSET);
        this.ssrc = buffer.getUnsignedInt(offset + SSRC_OFFSET);
        this.extensionOffset = extOffset;
        this.extensionLength = extLength;
        this.payloadOffset = (int) cursor;
        this.payloadLength = (int) (end - cursor - padding);
        this.paddingLength = padding;
        return null;
    }

    /** Drops the buffer reference. */
    public void reset() {
        buffer = null;
        offset = 0;
        first = 0;
        second = 0;
        sequenceNumber = 0;
        timestamp = 0;
        ssrc = 0;
        extensionOffset = -1;
        extensionLength = 0;
        payloadOffset = 0;
        payloadLength = 0;
        paddingLength = 0;
    }

    /**
     * RFC 5761 §4: with RTP and RTCP multiplexed on one port, the second byte of RTCP (packet type 192-223) reads as
     * marker + payload type 64-95, which RTP must not use.
     */
    public static boolean isRtcp(ByteBuf buffer, int offset, int length) {
        if (length < 2 || offset < 0 || (long) offset + length > buffer.capacity()) {
            return false;
        }
        int pt = buffer.getUnsignedByte(offset + 1) & 0x7F;
        return pt >= 64 && pt <= 95;
    }

    public ByteBuf buffer() {
        return buffer;
    }

    public int version() {
        return first >>> 6;
    }

    public boolean padding() {
        return (first & 0x20) != 0;
    }

    public boolean extension() {
        return (first & 0x10) != 0;
    }

    public int csrcCount() {
        return first & 0x0F;
    }

    public boolean marker() {
        return (second & 0x80) != 0;
    }

    public int payloadType() {
        return second & 0x7F;
    }

    public int sequenceNumber() {
        return sequenceNumber;
    }

    public long timestamp() {
        return timestamp;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The i-th contributing source, {@code 0 <= i < csrcCount()}. */
    public long csrc(int i) {
        return buffer.getUnsignedInt(offset + CSRC_OFFSET + 4 * i);
    }

    /** The 16-bit "defined by profile" field, or -1 without an extension. */
    public int extensionProfile() {
        return extensionOffset < 0 ? -1 : buffer.getUnsignedShort(extensionOffset - EXTENSION_HEADER_LENGTH);
    }

    /** Length of the extension data in bytes (the header's word count times 4, excluding the 4-byte header). */
    public int extensionLength() {
        return extensionLength;
    }

    /** Offset of the extension data (after profile and length), or -1 without an extension. */
    public int extensionOffset() {
        return extensionOffset;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public int paddingLength() {
        return paddingLength;
    }
}
