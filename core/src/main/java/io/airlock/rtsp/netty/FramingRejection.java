package io.airlock.rtsp.netty;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why {@link InterleavedFrameDecoder} closed a connection. */
public enum FramingRejection implements Rejection {
    HEADERS_TOO_LONG("RTSP header section longer than 64 KiB"),
    BODY_TOO_LONG("RTSP Content-Length larger than 1 MiB"),
    BAD_CONTENT_LENGTH("RTSP Content-Length is not a decimal number"),
    BAD_START_LINE("first line is neither an RTSP request line nor a status line"),
    HEAD_TIMEOUT("an RTSP message stayed incomplete for longer than the request deadline"),
    PIPELINE_FLOOD("more than 32 RTSP requests arrived in one read without waiting for replies");

    private final String description;

    FramingRejection(final String description) {
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
