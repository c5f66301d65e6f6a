package io.airlock.classify;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a SIP message head (RFC 3261 §7) was refused. */
public enum SipRejection implements Rejection {
    EMPTY("SIP payload is empty"),
    START_LINE_INCOMPLETE("SIP start line is not complete in this segment"),
    HEAD_TOO_LONG("SIP message head is longer than 16 KiB"),
    BAD_START_LINE("SIP start line is neither METHOD SP Request-URI SP SIP/2.0 nor SIP/2.0 SP status SP reason"),
    TOO_MANY_HEADERS("SIP message has more header lines than Airlock reads"),
    BAD_HEADER_LINE("SIP header line has no field name and colon");

    private final String description;

    SipRejection(String description) {
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
