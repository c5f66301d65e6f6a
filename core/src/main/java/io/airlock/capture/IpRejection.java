package io.airlock.capture;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why an IPv4 or IPv6 packet was refused. */
public enum IpRejection implements Rejection {
    TOO_SHORT("IP packet is shorter than its header"),
    BAD_VERSION("IP version is neither 4 nor 6"),
    BAD_HEADER_LENGTH("IPv4 header length is below 20 bytes or past the captured bytes"),
    BAD_TOTAL_LENGTH("IP total length is smaller than its header"),
    IP_FRAGMENT("non-first IP fragment (no transport header to decode)"),
    EXTENSION_HEADER_OVERRUN("IPv6 extension header runs past the captured bytes"),
    TOO_MANY_EXTENSION_HEADERS("IPv6 extension header chain is longer than supported"),
    NOT_TCP_OR_UDP("IP payload is neither TCP nor UDP");

    private final String description;

    IpRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.IP;
    }

    @Override
    public String description() {
        return description;
    }
}
