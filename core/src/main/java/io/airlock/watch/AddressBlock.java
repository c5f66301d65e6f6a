package io.airlock.watch;

/**
 * An address block ({@code 10.1.0.0/24}, {@code fd00::/64}) over {@link IpKey} halves, for sanctioned peers given
 * as blocks. IPv4 prefixes count from the start of the IPv4-mapped form.
 */
final class AddressBlock {

    private final long hi;
    private final long lo;
    private final long hiMask;
    private final long loMask;

    private AddressBlock(long hi, long lo, int prefix128) {
        this.hiMask = prefix128 >= 64 ? -1L : prefix128 == 0 ? 0 : -1L << (64 - prefix128);
        this.loMask = prefix128 <= 64 ? 0 : prefix128 == 128 ? -1L : -1L << (128 - prefix128);
        this.hi = hi & hiMask;
        this.lo = lo & loMask;
    }

    /** The block written as ADDRESS or ADDRESS/PREFIX, or null when it is not one. */
    static AddressBlock parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        long[] a = IpKey.parse(slash < 0 ? t : t.substring(0, slash));
        if (a == null) {
            return null;
        }
        boolean v4 = IpKey.isIpv4(a[0], a[1]);
        int bits = v4 ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new AddressBlock(a[0], a[1], v4 ? 96 + prefix : prefix);
    }

    boolean contains(long addrHi, long addrLo) {
        return (addrHi & hiMask) == hi && (addrLo & loMask) == lo;
    }
}
