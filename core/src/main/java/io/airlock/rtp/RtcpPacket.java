package io.airlock.rtp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Flyweight iterator over a compound RTCP packet, RFC 3550 §6.4.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=SR=200   |             length            |  length: 32-bit words minus one
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         SSRC of sender                        |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |              NTP timestamp, most significant word             |  SR only (sender info, 20 bytes)
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 report blocks (24 bytes each)                 |
 * </pre>
 *
 * {@link #wrap} validates every packet of the compound once; then {@code while (next()) {...}} visits them.
 */
public final class RtcpPacket {

    public static final int VERSION = 2;
    public static final int HEADER_LENGTH = 4;
    public static final int SENDER_SSRC_OFFSET = 4;
    public static final int NTP_TIMESTAMP_OFFSET = 8;
    public static final int RTP_TIMESTAMP_OFFSET = 16;
    public static final int PACKET_COUNT_OFFSET = 20;
    public static final int OCTET_COUNT_OFFSET = 24;
    public static final int SR_MIN_LENGTH = 28;
    public static final int RR_MIN_LENGTH = 8;
    public static final int REPORT_BLOCK_LENGTH = 24;
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    public static final int RTPFB = 205;
    public static final int PSFB = 206;
    public static final int XR = 207;
    public static final int MIN_PACKET_TYPE = 192;
    public static final int MAX_PACKET_TYPE = 223;

    private ByteBuf buffer;
    private int start;
    private int end;
    private int next;
    private int current = -1;
    private int currentLength;
    private int packets;

    /** Validates {@code length} bytes at {@code offset} as a compound RTCP packet; null when valid. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        reset();
        if (length < HEADER_LENGTH || offset < 0 || (long) offset + length > buffer.capacity()) {
            return RtcpRejection.TOO_SHORT;
        }
        long end = (long) offset + length;
        long cursor = offset;
        int count = 0;
        while (cursor < end) {
            if (cursor + HEADER_LENGTH > end) {
                return RtcpRejection.TOO_SHORT;
            }
            int at = (int) cursor;
            int b0 = buffer.getUnsignedByte(at);
            int pt = buffer.getUnsignedByte(at + 1);
            long packetLength = (buffer.getUnsignedShort(at + 2) + 1L) * 4;
            if (b0 >>> 6 != VERSION) {
                return RtcpRejection.BAD_VERSION;
            }
            if (pt < MIN_PACKET_TYPE || pt > MAX_PACKET_TYPE) {
                return RtcpRejection.BAD_PACKET_TYPE;
            }
            if (cursor + packetLength > end) {
                return RtcpRejection.LENGTH_OVERRUN;
            }
            long payloadEnd = packetLength;
            if ((b0 & 0x20) != 0) {
                if (cursor + packetLength != end) {
                    return RtcpRejection.PADDING_NOT_LAST;
                }
                int padding = buffer.getUnsignedByte((int) (cursor + packetLength - 1));
                if (padding == 0) {
                    return RtcpRejection.ZERO_PADDING;
                }
                if (padding > packetLength - HEADER_LENGTH) {
                    return RtcpRejection.PADDING_OVERRUN;
                }
                payloadEnd -= padding;
            }
            int rc = b0 & 0x1F;
            if (pt == SR) {
                if (payloadEnd < SR_MIN_LENGTH) {
                    return RtcpRejection.SENDER_INFO_TRUNCATED;
                }
                if (SR_MIN_LENGTH + (long) REPORT_BLOCK_LENGTH * rc > payloadEnd) {
                    return RtcpRejection.REPORT_BLOCKS_OVERRUN;
                }
            } else if (pt == RR && RR_MIN_LENGTH + (long) REPORT_BLOCK_LENGTH * rc > payloadEnd) {
                return RtcpRejection.REPORT_BLOCKS_OVERRUN;
            }
            cursor += packetLength;
            count++;
        }
        this.buffer = buffer;
        this.start = offset;
        this.end = (int) end;
        this.next = offset;
        this.packets = count;
        return null;
    }

    /** Moves to the next packet of the compound; false after the last. */
    public boolean next() {
        if (buffer == null || next >= end) {
            return false;
        }
        current = next;
        currentLength = (buffer.getUnsignedShort(current + 2) + 1) * 4;
        next = current + currentLength;
        return true;
    }

    /** Back to before the first packet. */
    public void rewind() {
        next = start;
        current = -1;
        currentLength = 0;
    }

    public void reset() {
        buffer = null;
        start = 0;
        end = 0;
        next = 0;
        current = -1;
        currentLength = 0;
        packets = 0;
    }

    /** Packets in the compound. */
    public int packetCount() {
        return packets;
    }

    public int packetOffset() {
        return current;
    }

    public boolean padding() {
        return (buffer.getUnsignedByte(current) & 0x20) != 0;
    }

    /** RC, SC or FMT, depending on the packet type. */
    public int count() {
        return buffer.getUnsignedByte(current) & 0x1F;
    }

    public int packetType() {
        return buffer.getUnsignedByte(current + 1);
    }

    /** Whole packet length in bytes, header and padding included. */
    public int lengthBytes() {
        return currentLength;
    }

    /** SSRC of the sender (SR, RR, and the first SSRC/CSRC of SDES and BYE); -1 when the packet has none. */
    public long senderSsrc() {
        return currentLength >= 8 ? buffer.getUnsignedInt(current + SENDER_SSRC_OFFSET) : -1;
    }

    /** SR only: 64-bit NTP timestamp. */
    public long ntpTimestamp() {
        return buffer.getLong(current + NTP_TIMESTAMP_OFFSET);
    }

    /** SR only. */
    public long rtpTimestamp() {
        return buffer.getUnsignedInt(current + RTP_TIMESTAMP_OFFSET);
    }

    /** SR only. */
    public long senderPacketCount() {
        return buffer.getUnsignedInt(current + PACKET_COUNT_OFFSET);
    }

    /** SR only. */
    public long senderOctetCount() {
        return buffer.getUnsignedInt(current + OCTET_COUNT_OFFSET);
    }

    /** SR/RR: SSRC of the source the i-th report block is about, {@code 0 <= i < count()}. */
    public long reportSourceSsrc(int i) {
        return buffer.getUnsignedInt(reportBlock(i));
    }

    /** SR/RR: fraction lost of the i-th report block, 0-255 (in 1/256). */
    public int reportFractionLost(int i) {
        return buffer.getUnsignedByte(reportBlock(i) + 4);
    }

    /** SR/RR: extended highest sequence number received of the i-th report block. */
    public long reportHighestSequence(int i) {
        return buffer.getUnsignedInt(reportBlock(i) + 8);
    }

    /** SR/RR: interarrival jitter of the i-th report block, in timestamp units. */
    public long reportJitter(int i) {
        return buffer.getUnsignedInt(reportBlock(i) + 12);
    }

    private int reportBlock(int i) {
        int first = packetType() == SR ? SR_MIN_LENGTH : RR_MIN_LENGTH;
        return current + first + REPORT_BLOCK_LENGTH * i;
    }
}
