package io.airlock.capture;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a UDP datagram was refused. */
public enum UdpRejection implements Rejection {
    TOO_SHORT("UDP datagram is shorter than its 8-byte header"),
    BAD_LENGTH("UDP length is below 8 or past the end of the IP payload");

    private final String description;

    UdpRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.UDP;
    }

    @Override
    public String description() {
        return description;
    }
}
