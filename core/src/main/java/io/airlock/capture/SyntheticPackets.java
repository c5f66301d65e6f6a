package io.airlock.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Builds IPv4/IPv6 packets carrying UDP or TCP with correct IPv4 header, UDP and TCP checksums (RFC 791 §3.1,
 * RFC 768, RFC 9293 §3.1, RFC 8200 §8.1 pseudo-header). For tests and test data only.
 */
public final class SyntheticPackets {

    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;

    private SyntheticPackets() {
    }

    /** A UDP datagram in IPv4 or IPv6, chosen by the form of the addresses. */
    public static byte[] udp(String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
        byte[] src = address(srcIp);
        byte[] dst = address(dstIp);
        ByteBuffer u = ByteBuffer.allocate(8 + payload.length);
        u.putShort((short) srcPort).putShort((short) dstPort);
        u.putShort((short) (8 + payload.length)).putShort((short) 0);
        u.put(payload);
        byte[] segment = u.array();
        int sum = checksum(src, dst, PROTO_UDP, segment);
        // RFC 768: a computed checksum of zero is sent as all ones.
        putShort(segment, 6, sum == 0 ? 0xFFFF : sum);
        return ip(src, dst, PROTO_UDP, segment);
    }

    /** A TCP segment (data offset 5, window 65535) in IPv4 or IPv6, chosen by the form of the addresses. */
    public static byte[] tcp(String srcIp, int srcPort, String dstIp, int dstPort, long seq, long ack, int flags,
            byte[] payload) {
        byte[] src = address(srcIp);
        byte[] dst = address(dstIp);
        ByteBuffer t = ByteBuffer.allocate(20 + payload.length);
        t.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
        t.put((byte) 0x50).put((byte) flags).putShort((short) 0xFFFF).putShort((short) 0).putShort((short) 0);
        t.put(payload);
        byte[] segment = t.array();
        putShort(segment, 16, checksum(src, dst, PROTO_TCP, segment));
        return ip(src, dst, PROTO_TCP, segment);
    }

    /** Wraps a transport segment in an IPv4 (4-byte addresses) or IPv6 (16-byte) header. */
    public static byte[] ip(byte[] src, byte[] dst, int protocol, byte[] segment) {
        if (src.length == 16) {
            ByteBuffer p = ByteBuffer.allocate(40 + segment.length);
            p.putInt(0x60000000).putShort((short) segment.length).put((byte) protocol).put((byte) 64);
            p.put(src).put(dst).put(segment);
            return p.array();
        }
        ByteBuffer p = ByteBuffer.allocate(20 + segment.length);
        p.put((byte) 0x45).put((byte) 0).putShort((short) (20 + segment.length)).putShort((short) 0x1234);
        p.putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0).put(src).put(dst);
        p.put(segment);
        byte[] packet = p.array();
        putShort(packet, 10, ipv4HeaderChecksum(packet, 0, 20));
        return packet;
    }

    /** RFC 1071 Internet checksum of an IPv4 header. */
    public static int ipv4HeaderChecksum(byte[] b, int offset, int length) {
        return fold(sum(b, offset, length, 0));
    }

    /** Transport checksum over the IPv4 or IPv6 pseudo-header and the segment (checksum field zero). */
    static int checksum(byte[] src, byte[] dst, int protocol, byte[] segment) {
        long sum = sum(src, 0, src.length, 0);
        sum = sum(dst, 0, dst.length, sum);
        sum += protocol + segment.length;
        return fold(sum(segment, 0, segment.length, sum));
    }

    private static long sum(byte[] b, int offset, int length, long sum) {
        for (int i = 0; i < length; i += 2) {
            int hi = b[offset + i] & 0xFF;
            int lo = i + 1 < length ? b[offset + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    static void putShort(byte[] b, int index, int value) {
        b[index] = (byte) (value >>> 8);
        b[index + 1] = (byte) value;
    }

    /** Parses an IPv4 or IPv6 literal (no name lookup). */
    public static byte[] address(String literal) {
        if (literal.indexOf(':') < 0 && !literal.matches("[0-9.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
