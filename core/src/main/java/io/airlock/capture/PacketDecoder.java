package io.airlock.capture;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Decodes a captured frame down to its UDP or TCP payload: link layer, IPv4/IPv6, transport header.
 *
 * <pre>
 * Ethernet II (IEEE 802.3 §3.1, 802.1Q §9.6 tags)  | Linux SLL (LINKTYPE 113)      | Linux SLL2 (LINKTYPE 276)
 * +-----------+-----------+---------+-----------+  | packet type, ARPHRD (2 + 2)   | protocol (2), reserved (2)
 * | dst MAC 6 | src MAC 6 | [TPID 2 | TCI 2]... |  | address length, address (2+8) | ifindex (4), ARPHRD (2)
 * | EtherType 2           | IP packet ...       |  | protocol (2)                  | pkt type, addr len, addr (1+1+8)
 * +-----------+-----------+---------+-----------+  |                               |
 * </pre>
 *
 * IP is decoded by {@link IpDecoder} (RFC 791 §3.1, RFC 8200 §3-§4), then UDP (RFC 768) or TCP (RFC 9293 §3.1).
 * One instance per thread, reused for every packet; after {@code decode} returns null the accessors describe the
 * packet, otherwise the returned rejection says which layer refused it ({@link #etherType()} stays valid for
 * {@link LinkRejection#NOT_IP}). Allocation-free.
 */
public final class PacketDecoder {

    public static final int LINKTYPE_NULL = 0;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int DLT_RAW_12 = 12;
    public static final int DLT_RAW_14 = 14;
    public static final int LINKTYPE_RAW = 101;
    public static final int LINKTYPE_LOOP = 108;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_IPV4 = 228;
    public static final int LINKTYPE_IPV6 = 229;
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86DD;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_QINQ = 0x88A8;
    public static final int ETHERTYPE_QINQ_LEGACY = 0x9100;
    /** Below this an Ethernet "type" is an 802.3 length (LLC frame). */
    public static final int ETHERTYPE_MIN = 0x0600;

    public static final int ETHERNET_HEADER_LENGTH = 14;
    public static final int ETHERTYPE_OFFSET = 12;
    public static final int VLAN_TAG_LENGTH = 4;
    public static final int SLL_HEADER_LENGTH = 16;
    public static final int SLL_PROTOCOL_OFFSET = 14;
    public static final int SLL2_HEADER_LENGTH = 20;
    public static final int SLL2_PROTOCOL_OFFSET = 0;
    public static final int NULL_HEADER_LENGTH = 4;
    public static final int MAX_VLAN_TAGS = 4;

    public static final int TCP_FIN = 0x01;
    public static final int TCP_SYN = 0x02;
    public static final int TCP_RST = 0x04;
    public static final int TCP_PSH = 0x08;
    public static final int TCP_ACK = 0x10;

    private final IpDecoder ip = new IpDecoder();
    private int etherType;
    private int vlanTags;
    private int vlanId;

    /** Decodes a capture record; null on success. */
    public Rejection decode(CaptureRecord record) {
        return decode(record.linkType(), record.buffer(), record.offset(), record.capturedLength());
    }

    /** Decodes {@code length} captured bytes of a frame of {@code linkType} at {@code offset}; null on success. */
    public Rejection decode(int linkType, ByteBuf buf, int offset, int length) {
        ip.reset();
        etherType = 0;
        vlanTags = 0;
        vlanId = -1;
        long end = (long) offset + length;
        long network;
        switch (linkType) {
            case LINKTYPE_ETHERNET:
                return ethernet(buf, offset, end);
            case LINKTYPE_LINUX_SLL:
                if (length < SLL_HEADER_LENGTH) {
                    return LinkRejection.TOO_SHORT;
                }
                etherType = buf.getUnsignedShort(offset + SLL_PROTOCOL_OFFSET);
                return network(buf, offset + SLL_HEADER_LENGTH, end);
            case LINKTYPE_LINUX_SLL2:
                if (length < SLL2_HEADER_LENGTH) {
                    return LinkRejection.TOO_SHORT;
                }
                etherType = buf.getUnsignedShort(offset + SLL2_PROTOCOL_OFFSET);
                return network(buf, offset + SLL2_HEADER_LENGTH, end);
            case LINKTYPE_NULL:
            case LINKTYPE_LOOP:
                network = offset + NULL_HEADER_LENGTH;
                break;
            case DLT_RAW_12:
            case DLT_RAW_14:
            case LINKTYPE_RAW:
            case LINKTYPE_IPV4:
            case LINKTYPE_IPV6:
                network = offset;
                break;
            default:
                return LinkRejection.UNSUPPORTED_LINK_TYPE;
        }
        // Raw and loopback links carry no EtherType: the IP version nibble tells IPv4 from IPv6.
        if (network >= end) {
            return LinkRejection.TOO_SHORT;
        }
        int version = buf.getUnsignedByte((int) network) >>> 4;
        etherType = version == 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
        return ip.decode(buf, (int) network, end, version);
    }

    private Rejection ethernet(ByteBuf buf, int offset, long end) {
        long p = offset + ETHERTYPE_OFFSET;
        if (p + 2 > end) {
            return LinkRejection.TOO_SHORT;
        }
        int type = buf.getUnsignedShort((int) p);
        while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_LEGACY) {
            if (vlanTags == MAX_VLAN_TAGS) {
                etherType = type;
                return LinkRejection.TOO_MANY_VLAN_TAGS;
            }
            if (p + 2 + VLAN_TAG_LENGTH > end) {
                return LinkRejection.TOO_SHORT;
            }
            if (vlanTags == 0) {
                vlanId = buf.getUnsignedShort((int) p + 2) & 0x0FFF;
            }
            vlanTags++;
            p += VLAN_TAG_LENGTH;
            type = buf.getUnsignedShort((int) p);
        }
        etherType = type;
        return network(buf, (int) p + 2, end);
    }

    private Rejection network(ByteBuf buf, int offset, long end) {
        if (etherType == ETHERTYPE_IPV4) {
            return offset >= end ? IpRejection.TOO_SHORT : ip.decode(buf, offset, end, 4);
        }
        if (etherType == ETHERTYPE_IPV6) {
            return offset >= end ? IpRejection.TOO_SHORT : ip.decode(buf, offset, end, 6);
        }
        return LinkRejection.NOT_IP;
    }

    /** EtherType (or SLL protocol) of the frame; for raw links the one implied by the IP version. */
    public int etherType() {
        return etherType;
    }

    /** Number of 802.1Q/802.1ad tags stripped. */
    public int vlanTags() {
        return vlanTags;
    }

    /** VLAN id of the outermost tag, or -1 when untagged. */
    public int vlanId() {
        return vlanId;
    }

    public int ipVersion() {
        return ip.ipVersion();
    }

    /** IP protocol number of the transport header (6 = TCP, 17 = UDP). */
    public int protocol() {
        return ip.protocol();
    }

    /** Reusable array; the first 4 (IPv4) or 16 (IPv6) bytes are valid. */
    public byte[] sourceAddress() {
        return ip.sourceAddress();
    }

    /** Reusable array; the first 4 (IPv4) or 16 (IPv6) bytes are valid. */
    public byte[] destinationAddress() {
        return ip.destinationAddress();
    }

    public int sourcePort() {
        return ip.sourcePort();
    }

    public int destinationPort() {
        return ip.destinationPort();
    }

    /** Offset of the IP header within the decoded buffer. */
    public int ipOffset() {
        return ip.ipOffset();
    }

    /** Offset of the transport payload within the decoded buffer. */
    public int payloadOffset() {
        return ip.payloadOffset();
    }

    /** Transport payload bytes present in the capture. */
    public int payloadLength() {
        return ip.payloadLength();
    }

    /** True when the headers declare more payload than was captured (snaplen, or a first IP fragment). */
    public boolean payloadTruncated() {
        return ip.payloadTruncated();
    }

    /** True for the first fragment of a fragmented IP datagram. */
    public boolean moreFragments() {
        return ip.moreFragments();
    }

    /** TCP sequence number (u32). */
    public long tcpSequence() {
        return ip.tcpSequence();
    }

    /** TCP acknowledgment number (u32). */
    public long tcpAcknowledgment() {
        return ip.tcpAcknowledgment();
    }

    /** TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, ...). */
    public int tcpFlags() {
        return ip.tcpFlags();
    }

    public boolean syn() {
        return (ip.tcpFlags() & TCP_SYN) != 0;
    }

    public boolean fin() {
        return (ip.tcpFlags() & TCP_FIN) != 0;
    }

    public boolean rst() {
        return (ip.tcpFlags() & TCP_RST) != 0;
    }
}
