package io.airlock.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One direction of a transport conversation: protocol, source and destination address and port. Created once per
 * flow by a {@code FlowTable} and reused for every packet of that flow, so it may carry per-flow state for the stages
 * that own it (the {@link #attachment()} slot).
 *
 * <p>Addresses are stored as 16 bytes; an IPv4 address occupies the last 4 with {@link #ipVersion()} = 4.
 */
public final class Flow {

    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;

    private final byte[] sourceAddress = new byte[16];
    private final byte[] destinationAddress = new byte[16];
    private int ipVersion;
    private int protocol;
    private int sourcePort;
    private int destinationPort;
    private Flow reverse;
    private Object attachment;

    private long packets;
    private long bytes;
    private long firstSeenNs = Long.MIN_VALUE;
    private long lastSeenNs = Long.MIN_VALUE;

    private String sourceText;
    private String destinationText;

    /** Sets the 5-tuple; addresses are 4 bytes (IPv4) or 16 bytes (IPv6) read from {@code src}/{@code dst}. */
    public Flow set(int ipVersion, int protocol, byte[] src, int srcPort, byte[] dst, int dstPort) {
        this.ipVersion = ipVersion;
        this.protocol = protocol;
        Arrays.fill(sourceAddress, (byte) 0);
        Arrays.fill(destinationAddress, (byte) 0);
        int n = ipVersion == 4 ? 4 : 16;
        System.arraycopy(src, 0, sourceAddress, 16 - n, n);
        System.arraycopy(dst, 0, destinationAddress, 16 - n, n);
        this.sourcePort = srcPort;
        this.destinationPort = dstPort;
        this.sourceText = null;
        this.destinationText = null;
        return this;
    }

    /** Sets an IPv4 5-tuple from addresses held as ints (network order). */
    public Flow setIpv4(int protocol, int src, int srcPort, int dst, int dstPort) {
        byte[] s = {(byte) (src >>> 24), (byte) (src >>> 16), (byte) (src >>> 8), (byte) src};
        byte[] d = {(byte) (dst >>> 24), (byte) (dst >>> 16), (byte) (dst >>> 8), (byte) dst};
        return set(4, protocol, s, srcPort, d, dstPort);
    }

    public int ipVersion() {
        return ipVersion;
    }

    public int protocol() {
        return protocol;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    /** The IPv4 source address as an int, valid when {@link #ipVersion()} is 4. */
    public int sourceIpv4() {
        return readInt(sourceAddress, 12);
    }

    /** The IPv4 destination address as an int, valid when {@link #ipVersion()} is 4. */
    public int destinationIpv4() {
        return readInt(destinationAddress, 12);
    }

    /** The 16 stored source address bytes; do not modify. */
    public byte[] sourceAddressBytes() {
        return sourceAddress;
    }

    /** The 16 stored destination address bytes; do not modify. */
    public byte[] destinationAddressBytes() {
        return destinationAddress;
    }

    /** True when this flow's 5-tuple equals the given one. */
    public boolean matches(int ipVersion, int protocol, byte[] src, int srcPort, byte[] dst, int dstPort) {
        if (this.ipVersion != ipVersion || this.protocol != protocol || this.sourcePort != srcPort
                || this.destinationPort != dstPort) {
            return false;
        }
        int n = ipVersion == 4 ? 4 : 16;
        return Arrays.equals(sourceAddress, 16 - n, 16, src, 0, n)
                && Arrays.equals(destinationAddress, 16 - n, 16, dst, 0, n);
    }

    /** The flow in the opposite direction, once both directions have been seen; null before that. */
    public Flow reverse() {
        return reverse;
    }

    public void reverse(Flow reverse) {
        this.reverse = reverse;
    }

    /** State owned by whichever stage resolved this flow (for example the media stream it carries). */
    public Object attachment() {
        return attachment;
    }

    public void attachment(Object attachment) {
        this.attachment = attachment;
    }

    /** Counts one packet of {@code length} bytes seen at {@code nowNs}. */
    public void onPacket(int length, long nowNs) {
        packets++;
        bytes += length;
        if (firstSeenNs == Long.MIN_VALUE) {
            firstSeenNs = nowNs;
        }
        lastSeenNs = nowNs;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public long firstSeenNs() {
        return firstSeenNs;
    }

    public long lastSeenNs() {
        return lastSeenNs;
    }

    /** "udp" or "tcp" (or the protocol number). */
    public String protocolName() {
        return protocol == PROTO_TCP ? "tcp" : protocol == PROTO_UDP ? "udp" : Integer.toString(protocol);
    }

    /** Source address as text; built once, for reports. */
    public String sourceIp() {
        if (sourceText == null) {
            sourceText = text(sourceAddress);
        }
        return sourceText;
    }

    /** Destination address as text; built once, for reports. */
    public String destinationIp() {
        if (destinationText == null) {
            destinationText = text(destinationAddress);
        }
        return destinationText;
    }

    private String text(byte[] address) {
        try {
            byte[] raw = ipVersion == 4 ? Arrays.copyOfRange(address, 12, 16) : address.clone();
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    @Override
    public String toString() {
        return protocolName() + " " + sourceIp() + ":" + sourcePort + " -> " + destinationIp() + ":" + destinationPort;
    }
}
