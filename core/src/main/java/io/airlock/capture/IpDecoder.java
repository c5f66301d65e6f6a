package io.airlock.capture;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * IPv4, IPv6 and UDP/TCP header decoding for {@link PacketDecoder}.
 *
 * <pre>
 * IPv4 (RFC 791 §3.1)                                 IPv6 (RFC 8200 §3)
 * +-------+-------+---------------+---------------+   +-------+---------------+-------------------------------+
 * |Version|  IHL  |Type of Service|  Total Length |   |Version| Traffic Class |          Flow Label           |
 * |        Identification |Flags|  Fragment Offset|   |   Payload Length      |  Next Header  |   Hop Limit   |
 * |  TTL  |    Protocol   |    Header Checksum    |   |                 Source Address (128)                  |
 * |  Source Address  |  Destination Address  | Options ...  |    Destination Address (128)      |
 * </pre>
 *
 * The IPv4 header checksum is not verified (offloading makes captured checksums meaningless). Only first fragments
 * are decoded. IPv6 extension headers (RFC 8200 §4) are walked, at most {@link #MAX_EXTENSION_HEADERS}.
 */
final class IpDecoder {

    static final int IPV4_MIN_HEADER_LENGTH = 20;
    static final int IPV4_TOTAL_LENGTH_OFFSET = 2;
    static final int IPV4_FRAGMENT_OFFSET = 6;
    static final int IPV4_PROTOCOL_OFFSET = 9;
    static final int IPV4_SOURCE_OFFSET = 12;
    static final int IPV4_DESTINATION_OFFSET = 16;
    static final int IPV4_MORE_FRAGMENTS = 0x2000;
    static final int IPV4_FRAGMENT_OFFSET_MASK = 0x1FFF;
    static final int IPV6_HEADER_LENGTH = 40;
    static final int IPV6_PAYLOAD_LENGTH_OFFSET = 4;
    static final int IPV6_NEXT_HEADER_OFFSET = 6;
    static final int IPV6_SOURCE_OFFSET = 8;
    static final int IPV6_DESTINATION_OFFSET = 24;
    static final int HOP_BY_HOP = 0;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int AUTHENTICATION_HEADER = 51;
    static final int DESTINATION_OPTIONS = 60;
    static final int MOBILITY = 135;
    static final int HIP = 139;
    static final int SHIM6 = 140;
    static final int FRAGMENT_HEADER_LENGTH = 8;
    static final int MAX_EXTENSION_HEADERS = 8;
    static final int UDP_HEADER_LENGTH = 8;
    static final int UDP_LENGTH_OFFSET = 4;
    static final int TCP_MIN_HEADER_LENGTH = 20;
    static final int TCP_SEQUENCE_OFFSET = 4;
    static final int TCP_ACKNOWLEDGMENT_OFFSET = 8;
    static final int TCP_DATA_OFFSET_OFFSET = 12;
    static final int TCP_FLAGS_OFFSET = 13;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;

    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private int ipVersion;
    private int protocol;
    private int ipOffset;
    private int sourcePort;
    private int destinationPort;
    private int payloadOffset;
    private int payloadLength;
    private boolean payloadTruncated;
    private boolean moreFragments;
    private long tcpSequence;
    private long tcpAcknowledgment;
    private int tcpFlags;

    void reset() {
        ipVersion = 0;
        protocol = -1;
        sourcePort = 0;
        destinationPort = 0;
        payloadOffset = 0;
        payloadLength = 0;
        payloadTruncated = false;
        moreFragments = false;
        tcpSequence = 0;
        tcpAcknowledgment = 0;
        tcpFlags = 0;
    }

    /** Decodes the IP packet at {@code offset}; {@code end} is the first index past the captured bytes. */
    Rejection decode(ByteBuf b, int offset, long end, int expectedVersion) {
        ipOffset = offset;
        if ((b.getUnsignedByte(offset) >>> 4) != expectedVersion) {
            return IpRejection.BAD_VERSION;
        }
        return expectedVersion == 4 ? ipv4(b, offset, end) : ipv6(b, offset, end);
    }

    private Rejection ipv4(ByteBuf b, int offset, long end) {
        if (offset + (long) IPV4_MIN_HEADER_LENGTH > end) {
            return IpRejection.TOO_SHORT;
        }
        ipVersion = 4;
        int headerLength = (b.getUnsignedByte(offset) & 0x0F) * 4;
        if (headerLength < IPV4_MIN_HEADER_LENGTH || offset + (long) headerLength > end) {
            return IpRejection.BAD_HEADER_LENGTH;
        }
        int totalLength = b.getUnsignedShort(offset + IPV4_TOTAL_LENGTH_OFFSET);
        // Total length 0 appears in captures of TCP segmentation offload: trust the captured bytes.
        long declaredEnd = totalLength == 0 ? end : offset + (long) totalLength;
        if (totalLength != 0 && totalLength < headerLength) {
            return IpRejection.BAD_TOTAL_LENGTH;
        }
        int fragment = b.getUnsignedShort(offset + IPV4_FRAGMENT_OFFSET);
        protocol = b.getUnsignedByte(offset + IPV4_PROTOCOL_OFFSET);
        b.getBytes(offset + IPV4_SOURCE_OFFSET, source, 0, 4);
        b.getBytes(offset + IPV4_DESTINATION_OFFSET, destination, 0, 4);
        if ((fragment & IPV4_FRAGMENT_OFFSET_MASK) != 0) {
            return IpRejection.IP_FRAGMENT;
        }
        moreFragments = (fragment & IPV4_MORE_FRAGMENTS) != 0;
        return transport(b, offset + headerLength, declaredEnd, end);
    }

    private Rejection ipv6(ByteBuf b, int offset, long end) {
        if (offset + (long) IPV6_HEADER_LENGTH > end) {
            return IpRejection.TOO_SHORT;
        }
        ipVersion = 6;
        int payload = b.getUnsignedShort(offset + IPV6_PAYLOAD_LENGTH_OFFSET);
        int next = b.getUnsignedByte(offset + IPV6_NEXT_HEADER_OFFSET);
        b.getBytes(offset + IPV6_SOURCE_OFFSET, source, 0, 16);
        b.getBytes(offset + IPV6_DESTINATION_OFFSET, destination, 0, 16);
        // Payload length 0 means a jumbogram (RFC 2675) or an offloaded segment: trust the captured bytes.
        long declaredEnd = payload == 0 ? end : offset + (long) IPV6_HEADER_LENGTH + payload;
        long limit = Math.min(declaredEnd, end);
        long p = offset + IPV6_HEADER_LENGTH;
        for (int i = 0; i <= MAX_EXTENSION_HEADERS; i++) {
            long headerLength;
            switch (next) {
                case HOP_BY_HOP:
                case ROUTING:
                case DESTINATION_OPTIONS:
                case MOBILITY:
                case HIP:
                case SHIM6:
                    headerLength = p + 2 > limit ? -1 : (b.getUnsignedByte((int) p + 1) + 1L) * 8;
                    break;
                case AUTHENTICATION_HEADER:
                    headerLength = p + 2 > limit ? -1 : (b.getUnsignedByte((int) p + 1) + 2L) * 4;
                    break;
                case FRAGMENT:
                    headerLength = FRAGMENT_HEADER_LENGTH;
                    break;
                default:
                    protocol = next;
                    return transport(b, (int) p, declaredEnd, end);
            }
            if (i == MAX_EXTENSION_HEADERS) {
                return IpRejection.TOO_MANY_EXTENSION_HEADERS;
            }
            if (headerLength < 0 || p + headerLength > limit) {
                return IpRejection.EXTENSION_HEADER_OVERRUN;
            }
            if (next == FRAGMENT) {
                int fragment = b.getUnsignedShort((int) p + 2);
                if ((fragment >>> 3) != 0) {
                    protocol = b.getUnsignedByte((int) p);
                    return IpRejection.IP_FRAGMENT;
                }
                moreFragments = (fragment & 1) != 0;
            }
            next = b.getUnsignedByte((int) p);
            p += headerLength;
        }
        return IpRejection.TOO_MANY_EXTENSION_HEADERS;
    }

    private Rejection transport(ByteBuf b, int offset, long declaredEnd, long capturedEnd) {
        long end = Math.min(declaredEnd, capturedEnd);
        boolean truncated = declaredEnd > capturedEnd;
        if (protocol == PROTO_UDP) {
            if (offset + (long) UDP_HEADER_LENGTH > end) {
                return UdpRejection.TOO_SHORT;
            }
            int length = b.getUnsignedShort(offset + UDP_LENGTH_OFFSET);
            long udpEnd = length == 0 && ipVersion == 6 ? declaredEnd : offset + (long) length;
            if (udpEnd < offset + UDP_HEADER_LENGTH || (udpEnd > declaredEnd && !moreFragments)) {
                return UdpRejection.BAD_LENGTH;
            }
            truncated |= udpEnd > end;
            ports(b, offset);
            return payload(offset + UDP_HEADER_LENGTH, Math.min(udpEnd, end), truncated);
        }
        if (protocol == PROTO_TCP) {
            if (offset + (long) TCP_MIN_HEADER_LENGTH > end) {
                return TcpRejection.TOO_SHORT;
            }
            int dataOffset = (b.getUnsignedByte(offset + TCP_DATA_OFFSET_OFFSET) >>> 4) * 4;
            if (dataOffset < TCP_MIN_HEADER_LENGTH || offset + (long) dataOffset > end) {
                return TcpRejection.BAD_DATA_OFFSET;
            }
            ports(b, offset);
            tcpSequence = b.getUnsignedInt(offset + TCP_SEQUENCE_OFFSET);
            tcpAcknowledgment = b.getUnsignedInt(offset + TCP_ACKNOWLEDGMENT_OFFSET);
            tcpFlags = (b.getUnsignedByte(offset + TCP_DATA_OFFSET_OFFSET) & 1) << 8
                    | b.getUnsignedByte(offset + TCP_FLAGS_OFFSET);
            return payload(offset + dataOffset, end, truncated || moreFragments);
        }
        return IpRejection.NOT_TCP_OR_UDP;
    }

    private void ports(ByteBuf b, int offset) {
        sourcePort = b.getUnsignedShort(offset);
        destinationPort = b.getUnsignedShort(offset + 2);
    }

    private Rejection payload(int offset, long end, boolean truncated) {
        payloadOffset = offset;
        payloadLength = (int) (end - offset);
        payloadTruncated = truncated;
        return null;
    }

    int ipVersion() {
        return ipVersion;
    }

    int protocol() {
        return protocol;
    }

    int ipOffset() {
        return ipOffset;
    }

    byte[] sourceAddress() {
        return source;
    }

    byte[] destinationAddress() {
        return destination;
    }

    int sourcePort() {
        return sourcePort;
    }

    int destinationPort() {
        return destinationPort;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    int payloadLength() {
        return payloadLength;
    }

    boolean payloadTruncated() {
        return payloadTruncated;
    }

    boolean moreFragments() {
        return moreFragments;
    }

    long tcpSequence() {
        return tcpSequence;
    }

    long tcpAcknowledgment() {
        return tcpAcknowledgment;
    }

    int tcpFlags() {
        return tcpFlags;
    }
}
