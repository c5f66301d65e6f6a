package io.airlock.classify;

import io.airlock.dns.DnsMessage;
import io.netty.buffer.ByteBuf;

/**
 * Byte-layout checks for the binary protocols a camera speaks. Each takes a range the caller has bounds-checked and
 * answers whether the bytes are consistent with the protocol: magic values first, then the length fields, so a
 * random payload rarely passes. Layouts: threat-signatures §1.1 and the RFCs named per method.
 */
final class BinarySignatures {

    static final int STUN_MAGIC_COOKIE = 0x2112A442;
    static final int PTCP_MAGIC = 0x50544350;
    static final int DHIP_MAGIC = 0x44484950;
    static final int PS_PACK_START = 0x000001BA;
    /** Dahua DVRIP and DHIP share a 32-byte header. */
    static final int DAHUA_HEADER_LENGTH = 32;
    static final int SOFIA_HEADER_LENGTH = 20;
    static final int SOFIA_DISCOVERY_REQUEST = 1530;
    static final int SOFIA_DISCOVERY_REPLY = 1531;
    static final int SRT_HANDSHAKE_LENGTH = 64;
    static final int NTP_LENGTH = 48;
    static final int RTMP_C0C1_LENGTH = 1 + 1536;
    /** Largest message body the Dahua and XiongMai length fields may claim before the bytes are not believed. */
    static final int MAX_VENDOR_BODY = 1 << 20;

    /** RFC 3551 §6 static types in use plus the dynamic range; 64-95 collide with RTCP (RFC 5761 §4). */
    private static final boolean[] SANE_PAYLOAD_TYPE = new boolean[128];

    static {
        int[] assigned = {0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 25, 26, 28, 31, 32, 33, 34};
        for (int pt : assigned) {
            SANE_PAYLOAD_TYPE[pt] = true;
        }
        for (int pt = 96; pt < 128; pt++) {
            SANE_PAYLOAD_TYPE[pt] = true;
        }
    }

    private BinarySignatures() {
    }

    /**
     * RFC 3550 §5.1 RTP, given its first 32-bit word (V=2 already checked): a usable payload type and a header that
     * fits; RTP_PS when the payload starts with an MPEG-2 PS pack header.
     */
    static Verdict rtp(ByteBuf b, int off, int len, int word0) {
        if (len < 12 || !SANE_PAYLOAD_TYPE[(word0 >>> 16) & 0x7F]) {
            return null;
        }
        int b0 = word0 >>> 24;
        int header = 12 + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (header + 4 > len) {
                return null;
            }
            header += 4 + 4 * b.getUnsignedShort(off + header + 2);
        }
        if (header > len) {
            return null;
        }
        int padding = (b0 & 0x20) == 0 ? 0 : b.getUnsignedByte(off + len - 1);
        if ((b0 & 0x20) != 0 && (padding == 0 || header + padding > len)) {
            return null;
        }
        boolean ps = len - header - padding >= 4 && b.getInt(off + header) == PS_PACK_START;
        return ps ? Verdict.RTP_PS : Verdict.RTP;
    }

    /**
     * RFC 3550 §6.4, given the first 32-bit word: a compound whose first packet is types 200-206 and whose packet
     * lengths add up exactly.
     */
    static boolean rtcp(ByteBuf b, int off, int len, int word0) {
        int pt = (word0 >>> 16) & 0xFF;
        if (len < 4 || pt < 200 || pt > 206) {
            return false;
        }
        int p = off;
        int end = off + len;
        while (p + 4 <= end) {
            int type = b.getUnsignedByte(p + 1);
            if (b.getUnsignedByte(p) >>> 6 != 2 || type < 192 || type > 223) {
                return false;
            }
            p += (b.getUnsignedShort(p + 2) + 1) * 4;
        }
        return p == end;
    }

    /** RFC 5389 §6: top bits 00, the magic cookie, and a length that is a multiple of 4 and fits the bytes. */
    static boolean stun(ByteBuf b, int off, int len, boolean exact) {
        if (len < 20 || (b.getUnsignedByte(off) & 0xC0) != 0 || b.getInt(off + 4) != STUN_MAGIC_COOKIE) {
            return false;
        }
        int length = b.getUnsignedShort(off + 2);
        return (length & 3) == 0 && (exact ? length == len - 20 : length <= len - 20);
    }

    /**
     * SRT handshake (draft-sharabayko-srt §3.2.1): control bit set, control type 0, then the handshake CIF with
     * version 4 or 5, a plausible MTU and flow window, and a known handshake type.
     */
    static boolean srtHandshake(ByteBuf b, int off, int len) {
        if (len < SRT_HANDSHAKE_LENGTH || b.getInt(off) != 0x8000_0000) {
            return false;
        }
        int version = b.getInt(off + 16);
        int mtu = b.getInt(off + 28);
        int window = b.getInt(off + 32);
        int type = b.getInt(off + 36);
        boolean knownType = type == 1 || type == 0 || type == -1 || type == -2 || type == -3;
        return (version == 4 || version == 5) && mtu >= 76 && mtu <= 65536 && window > 0 && knownType;
    }

    /** Dahua P2P tunnel: "PTCP" and the rest of the 24-byte header. */
    static boolean ptcp(ByteBuf b, int off, int len) {
        return len >= 24 && b.getInt(off) == PTCP_MAGIC;
    }

    /** Dahua DHIP: bytes 4-7 "DHIP" after the 32-bit header size, with the 32-byte header present. */
    static boolean dhip(ByteBuf b, int off, int len) {
        return len >= DAHUA_HEADER_LENGTH && b.getInt(off + 4) == DHIP_MAGIC;
    }

    /**
     * Dahua DVRIP (TCP): one of the command bytes seen in public clients, then a 32-byte header whose little-endian
     * extension length (bytes 4-7) covers the rest of the segment or ends where the next header starts. The JSON
     * command 0xF6 repeats the length at bytes 16-19.
     */
    static boolean dvrip(ByteBuf b, int off, int len) {
        int command = b.getUnsignedByte(off);
        if (len < DAHUA_HEADER_LENGTH || !isDvripCommand(command)) {
            return false;
        }
        long extension = b.getUnsignedIntLE(off + 4);
        if (extension > MAX_VENDOR_BODY || command == 0xF6 && b.getUnsignedIntLE(off + 16) != extension) {
            return false;
        }
        long next = DAHUA_HEADER_LENGTH + extension;
        return next >= len || isDvripCommand(b.getUnsignedByte(off + (int) next));
    }

    private static boolean isDvripCommand(int c) {
        return c == 0xA0 || c == 0xA1 || c == 0xB0 || c == 0xB1 || c == 0xF6;
    }

    /** Dahua discovery v1 (UDP 5050): the 32-byte "a3 01" probe with zero bytes 4-15, or the "b3 00" reply (0x58). */
    static boolean dahuaDiscoveryV1(ByteBuf b, int off, int len) {
        if (len < 32) {
            return false;
        }
        int head = b.getUnsignedShort(off);
        if (head == 0xA301) {
            return b.getLong(off + 4) == 0 && b.getInt(off + 12) == 0;
        }
        return head == 0xB300 && len >= 72 && b.getIntLE(off + 4) == 0x58;
    }

    /**
     * XiongMai Sofia header: 0xFF, version 0/1, a message id in the documented 1000-2999 range and a little-endian
     * body length that matches a datagram exactly, or covers a TCP segment (or ends at the next header).
     */
    static boolean sofia(ByteBuf b, int off, int len, boolean datagram) {
        if (len < SOFIA_HEADER_LENGTH || b.getUnsignedByte(off) != 0xFF || b.getUnsignedByte(off + 1) > 1) {
            return false;
        }
        int message = b.getUnsignedShortLE(off + 14);
        long body = b.getUnsignedIntLE(off + 16);
        if (message < 1000 || message >= 3000 || body > MAX_VENDOR_BODY) {
            return false;
        }
        long next = SOFIA_HEADER_LENGTH + body;
        if (datagram) {
            return next == len;
        }
        return next >= len || b.getUnsignedByte(off + (int) next) == 0xFF;
    }

    static int sofiaMessage(ByteBuf b, int off) {
        return b.getUnsignedShortLE(off + 14);
    }

    /**
     * RTMP C0 (version 3) and as much of C1 as this segment holds: C1 is time(4) + zero(4) + 1528 random bytes, so
     * bytes 5-8 must be zero where present and a handshake segment never exceeds C0 + C1.
     */
    static boolean rtmpC0C1(ByteBuf b, int off, int len) {
        if (b.getUnsignedByte(off) != 3 || len > RTMP_C0C1_LENGTH) {
            return false;
        }
        for (int i = 5, n = Math.min(len, 9); i < n; i++) {
            if (b.getByte(off + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** TLS record (RFC 8446 §5.1) of type handshake, legacy version 3.x, carrying a ClientHello (type 1). */
    static boolean tlsClientHello(ByteBuf b, int off, int len) {
        return len >= 6 && b.getUnsignedByte(off) == 0x16 && b.getUnsignedByte(off + 1) == 3
                && b.getUnsignedByte(off + 2) <= 4 && b.getUnsignedShort(off + 3) <= (1 << 14) + 2048
                && b.getUnsignedByte(off + 5) == 1;
    }

    /**
     * RFC 5905 §7.3: version 3 or 4 and modes 1-5. Without the NTP port as a tie breaker the packet must also be
     * exactly 48 bytes with a stratum up to 16 and a poll exponent up to 17.
     */
    static boolean ntp(ByteBuf b, int off, int len, boolean ntpPort) {
        if (len < NTP_LENGTH) {
            return false;
        }
        int b0 = b.getUnsignedByte(off);
        int version = (b0 >>> 3) & 7;
        int mode = b0 & 7;
        if (version < 3 || version > 4 || mode < 1 || mode > 5) {
            return false;
        }
        return ntpPort || len == NTP_LENGTH && b.getUnsignedByte(off + 1) <= 16 && b.getUnsignedByte(off + 2) <= 17;
    }

    /**
     * RFC 1035 §4.1 header sanity (opcode 0, Z clear, 1-4 questions, record counts the bytes could hold) and the
     * first question parses: a name within bounds, a type and a class (IN, CH, HS, NONE or ANY; mDNS sets the top
     * bit of the class).
     */
    static boolean dns(ByteBuf b, int off, int len) {
        if (len < DnsMessage.HEADER_LENGTH + 5) {
            return false;
        }
        int flags = b.getUnsignedShort(off + 2);
        int qd = b.getUnsignedShort(off + 4);
        long records = (long) b.getUnsignedShort(off + 6) + b.getUnsignedShort(off + 8) + b.getUnsignedShort(off + 10);
        if ((flags & 0x7800) != 0 || (flags & 0x0040) != 0 || qd < 1 || qd > 4
                || DnsMessage.HEADER_LENGTH + 5L * qd + 11L * records > len) {
            return false;
        }
        int end = off + len;
        int p = DnsMessage.skipName(b, off, off + DnsMessage.HEADER_LENGTH, end);
        if (p < 0 || p + 4 > end || b.getUnsignedShort(p) == 0) {
            return false;
        }
        int qclass = b.getUnsignedShort(p + 2) & 0x7FFF;
        return qclass == 1 || qclass == 3 || qclass == 4 || qclass == 254 || qclass == 255;
    }

    /** DNS over TCP (RFC 1035 §4.2.2): a 2-byte length that covers at least this segment's message bytes. */
    static boolean dnsOverTcp(ByteBuf b, int off, int len) {
        return len > 2 && b.getUnsignedShort(off) >= len - 2 && dns(b, off + 2, len - 2);
    }

    /** RTP framed for TCP by a 2-byte length (RFC 4571), as GB/T 28181 devices push it. */
    static Verdict rtpOverTcp(ByteBuf b, int off, int len) {
        if (len < 14 || b.getUnsignedShort(off) < 12 || b.getUnsignedByte(off + 2) >>> 6 != 2) {
            return null;
        }
        return rtp(b, off + 2, Math.min(len - 2, b.getUnsignedShort(off)), b.getInt(off + 2));
    }
}
