package io.airlock.bench;

import io.airlock.codec.Codec;
import io.airlock.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.List;

/**
 * A camera stream's RTP packets laid out back to back in one direct buffer (as a receive path would hold them),
 * replayed endlessly: {@link #next} rewrites the packet's sequence number and timestamp in place so every lap
 * continues the stream (no sequence gaps, no timestamp jumps) without allocating.
 */
public final class PacketRing {

    private final ByteBuf buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] timestamps;
    private final long lapTicks;
    private final int count;
    private int index = -1;
    private int sequence;
    private long lapBase;

    public PacketRing(Codec codec, String kind) {
        this(codec, kind, 0);
    }

    /**
     * @param minPackets lay out at least this many packets (whole laps of the stream), so a consumer still reading
     *                   a batch of that many on another thread never sees a packet renumbered under it
     */
    public PacketRing(Codec codec, String kind, int minPackets) {
        List<byte[]> lap = CameraStream.packets(codec, kind);
        long lapTicksOnce = (long) CameraStream.frames(codec, kind) * CameraStream.TICKS_PER_FRAME;
        int laps = Math.max(1, (minPackets + lap.size() - 1) / lap.size());
        List<byte[]> packets = new ArrayList<>(lap.size() * laps);
        for (int l = 0; l < laps; l++) {
            for (byte[] p : lap) {
                byte[] copy = p.clone();
                long ts = (readU32(p, RtpPacket.TIMESTAMP_OFFSET) + l * lapTicksOnce) & 0xFFFF_FFFFL;
                for (int b = 0; b < 4; b++) {
                    copy[RtpPacket.TIMESTAMP_OFFSET + b] = (byte) (ts >>> (24 - 8 * b));
                }
                packets.add(copy);
            }
        }
        int total = 0;
        for (byte[] p : packets) {
            total += p.length;
        }
        buffer = Unpooled.directBuffer(total, total);
        count = packets.size();
        offsets = new int[count];
        lengths = new int[count];
        timestamps = new long[count];
        for (int i = 0; i < count; i++) {
            byte[] p = packets.get(i);
            offsets[i] = buffer.writerIndex();
            lengths[i] = p.length;
            timestamps[i] = readU32(p, RtpPacket.TIMESTAMP_OFFSET);
            buffer.writeBytes(p);
        }
        lapTicks = lapTicksOnce * laps;
    }

    private static long readU32(byte[] p, int at) {
        return ((p[at] & 0xFFL) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
    }

    /** Advances to the next packet, renumbering it to follow the previous one; returns its index. */
    public int next() {
        int i = index + 1;
        if (i == count) {
            i = 0;
            lapBase += lapTicks;
        }
        index = i;
        sequence = (sequence + 1) & 0xFFFF;
        int off = offsets[i];
        buffer.setShort(off + RtpPacket.SEQUENCE_NUMBER_OFFSET, sequence);
        buffer.setInt(off + RtpPacket.TIMESTAMP_OFFSET, (int) (timestamps[i] + lapBase));
        return i;
    }

    public ByteBuf buffer() {
        return buffer;
    }

    public int offset(int i) {
        return offsets[i];
    }

    public int length(int i) {
        return lengths[i];
    }

    /** Sequence number written into the current packet. */
    public int sequence() {
        return sequence;
    }

    /** Timestamp written into the current packet (32-bit RTP clock). */
    public long timestamp() {
        return (timestamps[index] + lapBase) & 0xFFFF_FFFFL;
    }

    public boolean marker(int i) {
        return (buffer.getUnsignedByte(offsets[i] + 1) & 0x80) != 0;
    }

    public int count() {
        return count;
    }

    /** Payload bytes over all packets divided by packets: the mean packet size. */
    public double meanLength() {
        return (double) buffer.writerIndex() / count;
    }

    /** Share of packets that are fragments (FU-A type 28 / H.265 FU type 49). */
    public double fragmentShare(Codec codec) {
        int fragments = 0;
        for (int i = 0; i < count; i++) {
            int b = buffer.getUnsignedByte(offsets[i] + RtpPacket.MIN_HEADER_LENGTH);
            int type = codec == Codec.H265 ? (b >> 1) & 0x3F : b & 0x1F;
            if (type == (codec == Codec.H265 ? 49 : 28)) {
                fragments++;
            }
        }
        return (double) fragments / count;
    }
}
