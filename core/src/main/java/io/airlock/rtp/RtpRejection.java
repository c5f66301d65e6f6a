package io.airlock.rtp;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why an RTP packet or one of its header extensions was refused (RFC 3550 §5.1, RFC 8285, ONVIF Streaming §6.3). */
public enum RtpRejection implements Rejection {
    TOO_SHORT("RTP packet shorter than the 12-byte fixed header"),
    BAD_VERSION("RTP version is not 2"),
    CSRC_OVERRUN("RTP CSRC list runs past the end of the packet"),
    EXTENSION_OVERRUN("RTP header extension length points past the end of the packet"),
    PADDING_OVERRUN("RTP padding count is longer than the payload"),
    ZERO_PADDING("RTP padding bit set but the padding count is zero"),
    NO_EXTENSION("RTP packet has no header extension"),
    EXTENSION_ELEMENT_OVERRUN("RFC 8285 extension element runs past the end of the extension block"),
    UNKNOWN_EXTENSION_PROFILE("RTP header extension profile is neither RFC 8285 one-byte nor two-byte"),
    ONVIF_BAD_PROFILE("ONVIF replay extension profile is not 0xABAC or 0xABAD"),
    ONVIF_BAD_LENGTH("ONVIF replay extension is not 3 words long");

    private final String description;

    RtpRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.RTP;
    }

    @Override
    public String description() {
        return description;
    }
}
