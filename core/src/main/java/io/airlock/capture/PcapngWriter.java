package io.airlock.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes minimal pcapng files (draft-ietf-opsawg-pcapng §4.1 SHB, §4.2 IDB, §4.3 EPB, §4.4 SPB) for tests.
 *
 * <pre>
 * | block type | block total length | body (padded to 32 bits) | block total length |
 * </pre>
 */
public final class PcapngWriter implements Closeable {

    private final OutputStream out;
    private final ByteOrder order;

    /** Writes the Section Header Block in {@code order}. */
    public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
        this.out = out;
        this.order = order;
        section();
    }

    /** Another Section Header Block (starts a new section with no interfaces). */
    public void section() throws IOException {
        ByteBuffer body = body(16);
        body.putInt(PcapngBlocks.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        block(PcapngBlocks.SECTION_HEADER_BLOCK, body.array());
    }

    /** An Interface Description Block; {@code tsresol} below 0 omits the if_tsresol option (microseconds). */
    public void interfaceDescription(int linkType, int snapLength, int tsresol) throws IOException {
        ByteBuffer body = body(tsresol < 0 ? 8 : 20);
        body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (tsresol >= 0) {
            body.putShort((short) PcapngBlocks.IF_TSRESOL).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            body.putShort((short) PcapngBlocks.OPT_ENDOFOPT).putShort((short) 0);
        }
        block(PcapngBlocks.INTERFACE_DESCRIPTION_BLOCK, body.array());
    }

    /** An Enhanced Packet Block; {@code timestamp} is in the interface's if_tsresol units. */
    public void enhancedPacket(int interfaceId, long timestamp, byte[] packet) throws IOException {
        enhancedPacket(interfaceId, timestamp, packet, packet.length, packet.length);
    }

    /** An Enhanced Packet Block with explicit (possibly lying) length fields. */
    public void enhancedPacket(int interfaceId, long timestamp, byte[] packet, long capturedLength,
            long originalLength) throws IOException {
        ByteBuffer body = body(20 + pad(packet.length));
        body.putInt(interfaceId).putInt((int) (timestamp >>> 32)).putInt((int) timestamp);
        body.putInt((int) capturedLength).putInt((int) originalLength).put(packet);
        block(PcapngBlocks.ENHANCED_PACKET_BLOCK, body.array());
    }

    /** A Simple Packet Block (interface 0, no timestamp). */
    public void simplePacket(byte[] packet) throws IOException {
        ByteBuffer body = body(4 + pad(packet.length));
        body.putInt(packet.length).put(packet);
        block(PcapngBlocks.SIMPLE_PACKET_BLOCK, body.array());
    }

    /** Any block with a raw body (padded), e.g. an unknown type the reader must skip. */
    public void block(int type, byte[] body) throws IOException {
        int length = 12 + pad(body.length);
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(type).putInt(length).put(body);
        b.position(length - 4);
        b.putInt(length);
        out.write(b.array());
    }

    private ByteBuffer body(int length) {
        return ByteBuffer.allocate(length).order(order);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
