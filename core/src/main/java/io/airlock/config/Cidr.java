package io.airlock.config;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address block in CIDR notation (RFC 4632 §3.1), IPv4 or IPv6: {@code 10.1.0.0/16}, {@code 192.0.2.7} (a single
 * host), {@code fd00::/8}. Host bits below the prefix must be zero: {@code 10.0.0.1/8} is more likely a typo than
 * a network, and accepting it would silently admit all of 10.0.0.0/8.
 *
 * @param network the network address, host bits zero (4 or 16 bytes)
 * @param prefix  the prefix length in bits
 */
public record Cidr(byte[] network, int prefix) {

    public Cidr {
        network = network.clone();
    }

    /** The parse outcome: a block, or a reason it is not one. */
    public record Parsed(Cidr cidr, String problem) {
    }

    /** Parses {@code text}; the problem is a phrase such as "host bits set; did you mean 10.0.0.0/8?". */
    public static Parsed parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            return new Parsed(null, "not an IP address or CIDR block (write e.g. 10.1.0.0/16 or 192.0.2.7)");
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            return new Parsed(null, "not an IP address");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            prefix = digits.length() > 0 && digits.length() <= 3 && digits.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(digits) : -1;
            if (prefix < 0 || prefix > bits) {
                return new Parsed(null, "prefix length must be 0-" + bits);
            }
        }
        byte[] masked = mask(bytes, prefix);
        if (!Arrays.equals(masked, bytes)) {
            return new Parsed(null, "host bits set below /" + prefix + "; did you mean "
                    + new Cidr(masked, prefix) + "?");
        }
        return new Parsed(new Cidr(bytes, prefix), null);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF00 >>> keep);
        }
        return out;
    }

    /** Whether {@code address} lies in this block; an IPv4 address never matches an IPv6 block and vice versa. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the raw address (4 or 16 bytes) lies in this block; allocation-free. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            int m = 0xFF00 >>> keep & 0xFF;
            if (((address[i] ^ network[i]) & m) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && prefix == other.prefix && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        String host = NetUtil.bytesToIpAddress(network);
        return host + "/" + prefix;
    }
}
