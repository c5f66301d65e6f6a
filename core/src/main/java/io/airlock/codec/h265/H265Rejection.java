package io.airlock.codec.h265;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why H.265 RTP payloads (RFC 7798), HVCC units or an SPS (ITU-T H.265 §7.3.2.2) were refused or repaired. */
public enum H265Rejection implements Rejection {
    EMPTY_PAYLOAD("H.265 RTP payload is shorter than the 2-byte payload header"),
    SEQUENCE_GAP("RTP sequence gap: an open H.265 fragmented unit may have lost bytes"),
    FU_NOT_ENDED("H.265 FU unit was never ended: a new unit started while it was open"),
    FU_WITHOUT_START("H.265 FU fragment arrived without its start fragment"),
    FU_START_AND_END("H.265 FU fragment has both start and end bits set (treated as a single NAL unit)"),
    FU_TOO_SHORT("H.265 FU packet shorter than its payload header and FU header"),
    FU_TYPE_MISMATCH("H.265 FU fragment type differs from the unit it continues"),
    FU_TIMESTAMP_CHANGE("H.265 FU fragment has a different RTP timestamp than its start"),
    AP_TRUNCATED("H.265 AP ends inside a NAL unit size field"),
    AP_UNIT_OVERRUN("H.265 AP NAL unit size points past the end of the packet"),
    AP_ZERO_LENGTH_UNIT("H.265 AP holds a NAL unit shorter than its 2-byte header"),
    AP_EMPTY("H.265 AP holds no NAL unit"),
    PACI_UNSUPPORTED("H.265 PACI packet (type 50) is not supported"),
    RESERVED_PACKET_TYPE("H.265 RTP payload uses unspecified payload type 51-63"),
    BAD_NAL_LENGTH_SIZE("HVCC NAL length size is not 1, 2 or 4"),
    NAL_LENGTH_TRUNCATED("HVCC access unit ends inside a NAL length field"),
    NAL_LENGTH_OVERRUN("HVCC NAL length points past the end of the access unit"),
    ZERO_LENGTH_NAL("HVCC access unit holds a zero-length NAL unit"),
    NOT_SPS("H.265 NAL unit is not a sequence parameter set"),
    SPS_TRUNCATED("H.265 SPS ends before all its fields"),
    SPS_BAD_VALUE("H.265 SPS field outside the range the spec allows");

    private final String description;

    H265Rejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.H265;
    }

    @Override
    public String description() {
        return description;
    }
}
