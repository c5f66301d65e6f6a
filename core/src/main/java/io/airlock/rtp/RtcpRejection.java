package io.airlock.rtp;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a compound RTCP packet was refused (RFC 3550 §6.4, §A.2). */
public enum RtcpRejection implements Rejection {
    TOO_SHORT("RTCP packet shorter than its 4-byte common header"),
    BAD_VERSION("RTCP version is not 2"),
    LENGTH_OVERRUN("RTCP length field points past the end of the compound packet"),
    BAD_PACKET_TYPE("RTCP packet type outside 192-223"),
    SENDER_INFO_TRUNCATED("RTCP SR shorter than its sender info"),
    REPORT_BLOCKS_OVERRUN("RTCP report count needs more report blocks than the packet holds"),
    PADDING_NOT_LAST("RTCP padding bit set on a packet that is not the last of the compound"),
    PADDING_OVERRUN("RTCP padding count is longer than the packet"),
    ZERO_PADDING("RTCP padding bit set but the padding count is zero");

    private final String description;

    RtcpRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.RTCP;
    }

    @Override
    public String description() {
        return description;
    }
}
