package io.airlock.sdp;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Problems found while tolerantly parsing an SDP session description (RFC 8866). */
public enum SdpRejection implements Rejection {
    EMPTY("SDP text is empty"),
    TOO_LONG("SDP text exceeds 64 KiB; the rest was ignored"),
    LINE_TOO_LONG("SDP line exceeds 8 KiB and was ignored"),
    TOO_MANY_LINES("SDP has more than 4096 lines; the rest was ignored"),
    TOO_MANY_MEDIA("SDP has more than 64 media sections; the rest were ignored"),
    BAD_LINE("SDP line is not <letter>=<value>"),
    BAD_VERSION("SDP v= line is missing or not 0"),
    BAD_MEDIA_LINE("SDP m= line does not have media, port, protocol and formats"),
    BAD_RTPMAP("SDP a=rtpmap is not <payload type> <encoding>/<clock rate>"),
    BAD_BASE64("SDP sprop parameter set is not valid base64"),
    UNKNOWN_LINE_TYPE("SDP line type is not defined by RFC 8866; kept as is");

    private final String description;

    SdpRejection(final String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.SDP;
    }

    @Override
    public String description() {
        return description;
    }
}
