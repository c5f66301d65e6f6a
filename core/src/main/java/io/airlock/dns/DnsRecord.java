package io.airlock.dns;

/** One resource record read from a DNS message (interim). */
public final class DnsRecord {
    int type;
    final byte[] address = new byte[16];
    int addressLength;

    public boolean isAddress() {
        return type == 1 || type == 28;
    }

    public byte[] address() {
        return address;
    }

    public int addressLength() {
        return addressLength;
    }
}
