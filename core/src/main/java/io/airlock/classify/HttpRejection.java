package io.airlock.classify;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why an HTTP request head (RFC 9112 §3) was refused. */
public enum HttpRejection implements Rejection {
    EMPTY("HTTP payload is empty"),
    START_LINE_INCOMPLETE("HTTP request line is not complete in this segment"),
    HEAD_TOO_LONG("HTTP request head is longer than 16 KiB"),
    BAD_REQUEST_LINE("HTTP request line is not METHOD SP target SP HTTP/1.x"),
    TOO_MANY_HEADERS("HTTP request has more header lines than Airlock reads"),
    BAD_HEADER_LINE("HTTP header line has no field name and colon");

    private final String description;

    HttpRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.APPLICATION;
    }

    @Override
    public String description() {
        return description;
    }
}
