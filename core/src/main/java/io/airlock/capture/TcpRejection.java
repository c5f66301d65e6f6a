package io.airlock.capture;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a TCP segment was refused. */
public enum TcpRejection implements Rejection {
    TOO_SHORT("TCP segment is shorter than its 20-byte header"),
    BAD_DATA_OFFSET("TCP data offset is below 5 words or past the captured bytes");

    private final String description;

    TcpRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.TCP;
    }

    @Override
    public String description() {
        return description;
    }
}
