package io.airlock.watch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address as two longs, so tables can key on it without allocating: the 16-byte IPv6 form, with IPv4 held as
 * the IPv4-mapped address {@code ::ffff:a.b.c.d} (RFC 4291 §2.5.5.2).
 */
final class IpKey {

    private static final long IPV4_MAPPED = 0x0000_FFFF_0000_0000L;

    private IpKey() {
    }

    /** High half of the address in {@code address} (4 valid bytes for IPv4, 16 for IPv6, from index 0). */
    static long hi(int ipVersion, byte[] address) {
        return ipVersion == 4 ? 0 : readLong(address, 0);
    }

    /** Low half; see {@link #hi}. */
    static long lo(int ipVersion, byte[] address) {
        if (ipVersion == 4) {
            return IPV4_MAPPED | (readInt(address) & 0xFFFF_FFFFL);
        }
        return readLong(address, 8);
    }

    static boolean isIpv4(long hi, long lo) {
        return hi == 0 && (lo & 0xFFFF_FFFF_0000_0000L) == IPV4_MAPPED;
    }

    /** Multicast, or the IPv4 limited broadcast: traffic that leaves no single peer. */
    static boolean isGroup(long hi, long lo) {
        if (isIpv4(hi, lo)) {
            int v4 = (int) lo;
            return (v4 >>> 28) == 0xE || v4 == 0xFFFF_FFFF;
        }
        return (hi >>> 56) == 0xFF;
    }

    /** hi/lo of a textual or resolved address; null when it is not an IP literal. */
    static long[] parse(String text) {
        if (text == null || text.isBlank() || !text.trim().matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return of(InetAddress.getByName(text.trim()));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static long[] of(InetAddress address) {
        byte[] raw = address.getAddress();
        int version = raw.length == 4 ? 4 : 6;
        return new long[] {hi(version, raw), lo(version, raw)};
    }

    /** Dotted quad or RFC 5952 text, for reports. */
    static String text(long hi, long lo) {
        try {
            if (isIpv4(hi, lo)) {
                int v = (int) lo;
                return (v >>> 24) + "." + (v >>> 16 & 0xFF) + "." + (v >>> 8 & 0xFF) + "." + (v & 0xFF);
            }
            byte[] raw = new byte[16];
            for (int i = 0; i < 8; i++) {
                raw[i] = (byte) (hi >>> (56 - 8 * i));
                raw[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    static int hash(long hi, long lo) {
        long h = hi * 0x9E37_79B9_7F4A_7C15L ^ lo * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= h >>> 31;
        return (int) (h ^ h >>> 17);
    }

    private static int readInt(byte[] b) {
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static long readLong(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = v << 8 | (b[i + k] & 0xFF);
        }
        return v;
    }
}
