package io.airlock.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes classic pcap files of synthetic packets, for test data and tests (not on any packet path).
 *
 * <pre>
 * file header: magic, version 2.4, thiszone 0, sigfigs 0, snaplen 262144, link type
 * record:      ts seconds, ts microseconds (or nanoseconds), captured length, original length, frame
 * </pre>
 *
 * Frames are Ethernet by default; {@link #vlan(int)} adds 802.1Q tags. Other link types (Linux SLL/SLL2, raw IP,
 * BSD loopback) are chosen with the full constructor. Packets are built by {@link SyntheticPackets}.
 */
public final class PcapWriter implements Closeable {

    public static final int SNAP_LENGTH = 262_144;

    private static final int MAX_VLAN_TAGS = 8;

    private final OutputStream out;
    private final int linkType;
    private final boolean nanos;
    private final ByteOrder order;
    private final int[] vlans = new int[MAX_VLAN_TAGS];
    private int vlanCount;

    /** Little-endian, microsecond, Ethernet. */
    public PcapWriter(OutputStream out) throws IOException {
        this(out, PacketDecoder.LINKTYPE_ETHERNET, false, ByteOrder.LITTLE_ENDIAN);
    }

    public PcapWriter(OutputStream out, int linkType, boolean nanos, ByteOrder order) throws IOException {
        this.out = out;
        this.linkType = linkType;
        this.nanos = nanos;
        this.order = order;
        ByteBuffer h = ByteBuffer.allocate(CaptureFileReader.PCAP_FILE_HEADER_LENGTH).order(order);
        h.putInt(nanos ? CaptureFileReader.PCAP_MAGIC_NANOS : CaptureFileReader.PCAP_MAGIC_MICROS);
        h.putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(linkType);
        out.write(h.array());
    }

    /** Adds one 802.1Q tag (outermost first) to every following Ethernet frame. */
    public PcapWriter vlan(int vlanId) {
        if (vlanCount < MAX_VLAN_TAGS) {
            vlans[vlanCount++] = vlanId;
        }
        return this;
    }

    /** Writes an IPv4/UDP packet. */
    public void udp(long tsNs, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload)
            throws IOException {
        ip(tsNs, SyntheticPackets.udp(srcIp, srcPort, dstIp, dstPort, payload));
    }

    /** Writes an IPv6/UDP packet. */
    public void udp6(long tsNs, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload)
            throws IOException {
        ip(tsNs, SyntheticPackets.udp(srcIp, srcPort, dstIp, dstPort, payload));
    }

    /** Writes an IPv4 (or IPv6, from the address form) TCP segment. */
    public void tcp(long tsNs, String srcIp, int srcPort, String dstIp, int dstPort, long seq, long ack, int flags,
            byte[] payload) throws IOException {
        ip(tsNs, SyntheticPackets.tcp(srcIp, srcPort, dstIp, dstPort, seq, ack, flags, payload));
    }

    /** Frames an IP packet for this file's link type and writes it. */
    public void ip(long tsNs, byte[] packet) throws IOException {
        record(tsNs, frame(packet), -1);
    }

    /** Writes a record of {@code frame}; {@code originalLength} below 0 means "as captured". */
    public void record(long tsNs, byte[] frame, int originalLength) throws IOException {
        record(tsNs, frame, frame.length, originalLength < 0 ? frame.length : originalLength);
    }

    /** Writes a record whose first {@code capturedLength} bytes of {@code frame} are kept. */
    public void record(long tsNs, byte[] frame, int capturedLength, int originalLength) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(CaptureFileReader.PCAP_RECORD_HEADER_LENGTH).order(order);
        long seconds = Math.floorDiv(tsNs, 1_000_000_000L);
        long fraction = Math.floorMod(tsNs, 1_000_000_000L);
        h.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000));
        h.putInt(capturedLength).putInt(originalLength);
        out.write(h.array());
        out.write(frame, 0, capturedLength);
    }

    /** The frame around {@code packet} for this writer's link type. */
    public byte[] frame(byte[] packet) {
        int version = (packet[0] & 0xFF) >>> 4;
        int etherType = version == 6 ? PacketDecoder.ETHERTYPE_IPV6 : PacketDecoder.ETHERTYPE_IPV4;
        ByteBuffer f;
        switch (linkType) {
            case PacketDecoder.LINKTYPE_ETHERNET:
                f = ByteBuffer.allocate(14 + 4 * vlanCount + packet.length);
                f.put(new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x00, 0x66, 0x77, (byte) 0x88, (byte) 0x99,
                    (byte) 0xAA});
                for (int i = 0; i < vlanCount; i++) {
                    f.putShort((short) PacketDecoder.ETHERTYPE_VLAN).putShort((short) vlans[i]);
                }
                f.putShort((short) etherType);
                break;
            case PacketDecoder.LINKTYPE_LINUX_SLL:
                f = ByteBuffer.allocate(16 + packet.length);
                f.putShort((short) 0).putShort((short) 1).putShort((short) 6);
                f.put(new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0}).putShort((short) etherType);
                break;
            case PacketDecoder.LINKTYPE_LINUX_SLL2:
                f = ByteBuffer.allocate(20 + packet.length);
                f.putShort((short) etherType).putShort((short) 0).putInt(2).putShort((short) 1);
                f.put((byte) 0).put((byte) 6).put(new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0});
                break;
            case PacketDecoder.LINKTYPE_NULL:
            case PacketDecoder.LINKTYPE_LOOP:
                f = ByteBuffer.allocate(4 + packet.length).order(order);
                f.putInt(version == 6 ? 24 : 2);
                break;
            default:
                f = ByteBuffer.allocate(packet.length);
                break;
        }
        f.put(packet);
        return f.array();
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
