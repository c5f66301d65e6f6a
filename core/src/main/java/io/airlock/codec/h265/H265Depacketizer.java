package io.airlock.codec.h265;

import static io.airlock.codec.FragmentedUnit.emit;

import io.airlock.codec.FragmentedUnit;
import io.airlock.codec.NalUnitListener;
import io.airlock.wire.Rejection;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;

/**
 * Per-stream H.265 RTP depacketizer, RFC 7798 with sprop-max-don-diff = 0 (no DONL/DOND fields): single NAL unit
 * packets (§4.4.1), aggregation packets (§4.4.2, type 48) and fragmentation units (§4.4.3, type 49).
 *
 * <pre>
 * PayloadHdr (type 49)              FU header
 * +---------------+---------------+ +-+-+-+-+-+-+-+-+
 * |F|  Type=49  |  LayerId  | TID | |S|E|  FuType   |
 * +-------------+-----------------+ +---------------+
 * AP: [PayloadHdr type 48][size u16][NALU]...[size u16][NALU]
 * </pre>
 *
 * An FU unit's 2-byte header is rebuilt with FuType and the F, LayerId and TID of the payload header. Lost fragments
 * close the open unit with {@code nalEnd(false)}. Every anomaly is counted into the optional
 * {@link RejectionCounters}; {@link #depacketize} returns the last one.
 */
public final class H265Depacketizer {

    public static final int PAYLOAD_HEADER_LENGTH = 2;
    public static final int FU_HEADER_LENGTH = 3;
    public static final int AP_SIZE_LENGTH = 2;
    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;
    private static final int TYPE_MASK_IN_HEADER = 0x7E00;

    private static final FragmentedUnit.Reasons REASONS = new FragmentedUnit.Reasons(H265Rejection.SEQUENCE_GAP,
            H265Rejection.FU_TIMESTAMP_CHANGE, H265Rejection.FU_NOT_ENDED, H265Rejection.FU_WITHOUT_START,
            H265Rejection.FU_TYPE_MISMATCH, H265Rejection.FU_START_AND_END);

    private final FragmentedUnit unit;

    public H265Depacketizer() {
        this(null);
    }

    /** @param counters where every anomaly is counted, or null to rely on return values only */
    public H265Depacketizer(RejectionCounters counters) {
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
        if (len < PAYLOAD_HEADER_LENGTH || off < 0 || (long) off + len > buf.capacity()) {
            r = count(H265Rejection.EMPTY_PAYLOAD);
        } else {
            int header = buf.getUnsignedShort(off);
            int type = H265Nal.type(header);
            if (type < H265Nal.AP) {
                r = unit.endDangling();
                emit(header, buf, off + PAYLOAD_HEADER_LENGTH, len - PAYLOAD_HEADER_LENGTH, sourceOffset, out);
            } else if (type == H265Nal.FU) {
                r = fragment(header, timestamp, buf, off, len, sourceOffset, out);
            } else if (type == H265Nal.AP) {
                r = aggregate(buf, off, len, sourceOffset, out);
            } else if (type == H265Nal.PACI) {
                r = count(H265Rejection.PACI_UNSUPPORTED);
            } else {
                r = count(H265Rejection.RESERVED_PACKET_TYPE);
            }
        }
        if (marker) {
            out.accessUnitEnd(timestamp);
        }
        return r != null ? r : result;
    }

    private Rejection fragment(int payloadHeader, long timestamp, ByteBuf buf, int off, int len, long sourceOffset,
            NalUnitListener out) {
        if (len < FU_HEADER_LENGTH) {
            return count(H265Rejection.FU_TOO_SHORT);
        }
        int fuHeader = buf.getUnsignedByte(off + PAYLOAD_HEADER_LENGTH);
        int type = fuHeader & 0x3F;
        int payloadOffset = off + FU_HEADER_LENGTH;
        int payloadLength = len - FU_HEADER_LENGTH;
        boolean start = (fuHeader & FU_START) != 0;
        boolean end = (fuHeader & FU_END) != 0;
        // RFC 7798 §4.4.3 forbids S and E together; the unit is delivered whole anyway, but counted.
        int header = (payloadHeader & ~TYPE_MASK_IN_HEADER & 0xFFFF) | (type << 9);
        return unit.fragment(header, type, start, end, timestamp, buf, payloadOffset, payloadLength, sourceOffset,
                out);
    }

    private Rejection aggregate(ByteBuf buf, int off, int len, long sourceOffset, NalUnitListener out) {
        Rejection r = unit.endDangling();
        int cursor = off + PAYLOAD_HEADER_LENGTH;
        int end = off + len;
        int units = 0;
        while (cursor < end) {
            if (cursor + AP_SIZE_LENGTH > end) {
                return count(H265Rejection.AP_TRUNCATED);
            }
            int size = buf.getUnsignedShort(cursor);
            cursor += AP_SIZE_LENGTH;
            if ((long) cursor + size > end) {
                return count(H265Rejection.AP_UNIT_OVERRUN);
            }
            if (size < PAYLOAD_HEADER_LENGTH) {
                r = count(H265Rejection.AP_ZERO_LENGTH_UNIT);
                cursor += size;
                continue;
            }
            long unitOffset = sourceOffset < 0 ? -1 : sourceOffset + (cursor - off);
            emit(buf.getUnsignedShort(cursor), buf, cursor + PAYLOAD_HEADER_LENGTH, size - PAYLOAD_HEADER_LENGTH,
                    unitOffset, out);
            cursor += size;
            units++;
        }
        if (units == 0 && r == null) {
            r = count(H265Rejection.AP_EMPTY);
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
