package io.airlock.dns;

/**
 * One resource record read by {@link DnsMessage#answer}: reusable, filled in place. The owner name (and a CNAME's
 * target) are kept in builders sized for the longest escaped name, so reading a record never allocates.
 */
public final class DnsRecord {

    /** A 255-byte name escaped as {@code \DDD} per byte fits. */
    public static final int MAX_NAME_CHARS = 4 * DnsMessage.MAX_NAME_LENGTH;

    private final StringBuilder name = new StringBuilder(MAX_NAME_CHARS);
    private final StringBuilder target = new StringBuilder(MAX_NAME_CHARS);
    private final byte[] address = new byte[16];
    private int type;
    private int dnsClass;
    private long ttl;
    private int addressLength;

    void reset() {
        name.setLength(0);
        target.setLength(0);
        type = 0;
        dnsClass = 0;
        ttl = 0;
        addressLength = 0;
    }

    void set(int type, int dnsClass, long ttl) {
        this.type = type;
        this.dnsClass = dnsClass;
        this.ttl = ttl;
    }

    StringBuilder nameBuilder() {
        return name;
    }

    StringBuilder targetBuilder() {
        return target;
    }

    byte[] addressBytes() {
        return address;
    }

    void addressLength(int length) {
        this.addressLength = length;
    }

    /** RR TYPE, e.g. {@link DnsMessage#TYPE_A}. */
    public int type() {
        return type;
    }

    /** RR CLASS (1 = IN). */
    public int dnsClass() {
        return dnsClass;
    }

    /** TTL in seconds. */
    public long ttl() {
        return ttl;
    }

    /** Owner name in presentation form (dotted, {@code \.} and {@code \DDD} escapes). */
    public CharSequence name() {
        return name;
    }

    /** CNAME target; empty for other types. */
    public CharSequence target() {
        return target;
    }

    /** A: 4 bytes, AAAA: 16 bytes, otherwise 0; the first {@link #addressLength()} bytes of {@link #address()}. */
    public int addressLength() {
        return addressLength;
    }

    /** The address bytes (a shared array: copy what must outlive the next {@code answer} call). */
    public byte[] address() {
        return address;
    }
}
