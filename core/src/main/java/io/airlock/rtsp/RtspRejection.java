package io.airlock.rtsp;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why RTSP control-plane bytes (messages, interleaved framing, Transport and WWW-Authenticate) were refused. */
public enum RtspRejection implements Rejection {
    EMPTY("RTSP message is empty"),
    TOO_LONG("RTSP message header section exceeds 64 KiB"),
    LINE_TOO_LONG("RTSP line exceeds 8 KiB"),
    BAD_START_LINE("RTSP start line is neither a request line nor a status line"),
    BAD_VERSION("RTSP version is not RTSP/<digit>.<digit>"),
    BAD_STATUS_CODE("RTSP status code is not three digits"),
    BAD_METHOD("RTSP method is not a token"),
    BAD_URI("RTSP request URI is empty or contains control characters"),
    BAD_HEADER_LINE("RTSP header line has no colon or an invalid name"),
    BAD_CHARACTER("RTSP header section contains a NUL or other control byte"),
    TOO_MANY_HEADERS("RTSP message has more than 128 headers"),
    HEADERS_INCOMPLETE("RTSP header section is not terminated by a blank line"),
    BAD_CONTENT_LENGTH("RTSP Content-Length is not a decimal number or is duplicated with another value"),
    BODY_TOO_LONG("RTSP Content-Length exceeds 1 MiB"),
    BODY_TRUNCATED("RTSP body is shorter than Content-Length"),
    GARBAGE("bytes on an RTSP connection are neither an RTSP message nor a $ interleaved frame"),
    BAD_TRANSPORT("RTSP Transport header is malformed"),
    TOO_MANY_TRANSPORTS("RTSP Transport header has more than 16 transport specs"),
    BAD_AUTHENTICATE("WWW-Authenticate header is malformed"),
    TOO_MANY_CHALLENGES("WWW-Authenticate header has more than 8 challenges");

    private final String description;

    RtspRejection(final String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.RTSP;
    }

    @Override
    public String description() {
        return description;
    }
}
