package io.airlock.codec.h264;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why H.264 RTP payloads (RFC 6184), AVCC units or an SPS (ITU-T H.264 §7.3.2.1) were refused or repaired. */
public enum H264Rejection implements Rejection {
    EMPTY_PAYLOAD("H.264 RTP payload is empty"),
    SEQUENCE_GAP("RTP sequence gap: an open H.264 fragmented unit may have lost bytes"),
    FU_NOT_ENDED("H.264 FU-A unit was never ended: a new unit started while it was open"),
    FU_WITHOUT_START("H.264 FU-A fragment arrived without its start fragment"),
    FU_START_AND_END("H.264 FU-A fragment has both start and end bits set (CostarHD quirk, treated as single NAL)"),
    FU_TOO_SHORT("H.264 FU-A packet shorter than its indicator and header"),
    FU_TYPE_MISMATCH("H.264 FU-A fragment type differs from the unit it continues"),
    FU_TIMESTAMP_CHANGE("H.264 FU-A fragment has a different RTP timestamp than its start"),
    STAP_TRUNCATED("H.264 STAP-A ends inside a NAL unit size field"),
    STAP_UNIT_OVERRUN("H.264 STAP-A NAL unit size points past the end of the packet"),
    STAP_ZERO_LENGTH_UNIT("H.264 STAP-A holds a zero-length NAL unit"),
    STAP_EMPTY("H.264 STAP-A holds no NAL unit"),
    INTERLEAVED_UNSUPPORTED("H.264 STAP-B, MTAP or FU-B packet: interleaved mode is not supported"),
    RESERVED_PACKET_TYPE("H.264 RTP payload uses reserved NAL unit type 0, 30 or 31"),
    BAD_NAL_LENGTH_SIZE("AVCC NAL length size is not 1, 2 or 4"),
    NAL_LENGTH_TRUNCATED("AVCC access unit ends inside a NAL length field"),
    NAL_LENGTH_OVERRUN("AVCC NAL length points past the end of the access unit"),
    ZERO_LENGTH_NAL("AVCC access unit holds a zero-length NAL unit"),
    NOT_SPS("H.264 NAL unit is not a sequence parameter set"),
    SPS_TRUNCATED("H.264 SPS ends before all its fields"),
    SPS_BAD_VALUE("H.264 SPS field outside the range the spec allows");

    private final String description;

    H264Rejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.H264;
    }

    @Override
    public String description() {
        return description;
    }
}
