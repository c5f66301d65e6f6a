package io.airlock.codec.h264;

import static io.airlock.codec.FragmentedUnit.emit;

import io.airlock.codec.FragmentedUnit;
import io.airlock.codec.NalUnitListener;
import io.airlock.wire.Rejection;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;

/**
 * Per-stream H.264 RTP depacketizer, RFC 6184 non-interleaved mode: single NAL unit packets (§5.6), STAP-A (§5.7.1)
 * and FU-A (§5.8).
 *
 * <pre>
 * FU indicator    FU header           STAP-A: [STAP-A hdr][size u16][NALU]...[size u16][NALU]
 * +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+
 * |F|NRI|  Type=28| |S|E|R|  Type   |
 * +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Units reach the listener without copies; an FU-A unit's header is rebuilt as
 * {@code (indicator & 0xE0) | (fuHeader & 0x1F)}. Lost fragments close the open unit with {@code nalEnd(false)}.
 * Every anomaly is counted into the optional {@link RejectionCounters}; {@link #depacketize} returns the last one.
 */
public final class H264Depacketizer {

    public static final int FU_HEADER_LENGTH = 2;
    public static final int STAP_SIZE_LENGTH = 2;
    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;

    private static final FragmentedUnit.Reasons REASONS = new FragmentedUnit.Reasons(H264Rejection.SEQUENCE_GAP,
            H264Rejection.FU_TIMESTAMP_CHANGE, H264Rejection.FU_NOT_ENDED, H264Rejection.FU_WITHOUT_START,
            H264Rejection.FU_TYPE_MISMATCH, H264Rejection.FU_START_AND_END);

    private final FragmentedUnit unit;

    public H264Depacketizer() {
        this(null);
    }

    /** @param counters where every anomaly is counted, or null to rely on return values only */
    public H264Depacketizer(RejectionCounters counters) {
        this.unit = new FragmentedUnit(counters, REASONS);
    }

    /**
     * Depacketizes one RTP payload.
     *
     * @return null when the payload was clean, else the last anomaly met (units before and after it were delivered)
     */
    public Rejection depacketize(int sequenceNumber, long timestamp, boolean marker, ByteBuf buf, int off, int len,
            long sourceOffset, NalUnitListener out) {
        Rejection result = unit.track(sequenceNumber, timestamp);
        Rejection r;
        if (len <= 0 || off < 0 || (long) off + len > buf.capacity()) {
            r = count(H264Rejection.EMPTY_PAYLOAD);
        } else {
            int header = buf.getUnsignedByte(off);
            int type = header & 0x1F;
            if (type >= H264Nal.SLICE_NON_IDR && type < H264Nal.STAP_A) {
                r = unit.endDangling();
                emit(header, buf, off + 1, len - 1, sourceOffset, out);
            } else if (type == H264Nal.FU_A) {
                r = fragment(timestamp, buf, off, len, sourceOffset, out);
            } else if (type == H264Nal.STAP_A) {
                r = aggregate(buf, off, len, sourceOffset, out);
            } else if (type == H264Nal.STAP_B || type == H264Nal.MTAP16 || type == H264Nal.MTAP24
                    || type == H264Nal.FU_B) {
                r = count(H264Rejection.INTERLEAVED_UNSUPPORTED);
            } else {
                r = count(H264Rejection.RESERVED_PACKET_TYPE);
            }
        }
        if (marker) {
            out.accessUnitEnd(timestamp);
        }
        return r != null ? r : result;
    }

    private Rejection fragment(long timestamp, ByteBuf buf, int off, int len, long sourceOffset,
            NalUnitListener out) {
        if (len < FU_HEADER_LENGTH) {
            return count(H264Rejection.FU_TOO_SHORT);
        }
        int indicator = buf.getUnsignedByte(off);
        int fuHeader = buf.getUnsignedByte(off + 1);
        int type = fuHeader & 0x1F;
        int payloadOffset = off + FU_HEADER_LENGTH;
        int payloadLength = len - FU_HEADER_LENGTH;
        boolean start = (fuHeader & FU_START) != 0;
        boolean end = (fuHeader & FU_END) != 0;
        // CostarHD cameras send whole NAL units as one FU-A with S and E set: delivered, but counted.
        return unit.fragment((indicator & 0xE0) | type, type, start, end, timestamp, buf, payloadOffset,
                payloadLength, sourceOffset, out);
    }

    private Rejection aggregate(ByteBuf buf, int off, int len, long sourceOffset, NalUnitListener out) {
        Rejection r = unit.endDangling();
        int cursor = off + 1;
        int end = off + len;
        int units = 0;
        while (cursor < end) {
            if (cursor + STAP_SIZE_LENGTH > end) {
                return count(H264Rejection.STAP_TRUNCATED);
            }
            int size = buf.getUnsignedShort(cursor);
            cursor += STAP_SIZE_LENGTH;
            if (size == 0) {
                r = count(H264Rejection.STAP_ZERO_LENGTH_UNIT);
                continue;
            }
            if ((long) cursor + size > end) {
                return count(H264Rejection.STAP_UNIT_OVERRUN);
            }
            long unitOffset = sourceOffset < 0 ? -1 : sourceOffset + (cursor - off);
            emit(buf.getUnsignedByte(cursor), buf, cursor + 1, size - 1, unitOffset, out);
            cursor += size;
            units++;
        }
        if (units == 0 && r == null) {
            r = count(H264Rejection.STAP_EMPTY);
        }
        return r;
    }

    private Rejection count(Rejection reason) {
        return unit.count(reason);
    }

    /** True while a fragmented unit is open (started, not yet ended). */
    public boolean unitOpen() {
        return unit.unitOpen();
    }

    /** Ends any open unit with {@code nalEnd(false)} on its listener; sequence tracking continues. */
    public void flush() {
        unit.flush();
    }

    /** Ends any open unit with {@code nalEnd(false)} and forgets all state. */
    public void reset() {
        unit.reset();
    }
}
