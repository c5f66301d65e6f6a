package io.airlock.codec;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Malformed SEI RBSP (ITU-T H.264 §7.3.2.3, ITU-T H.265 §7.3.5). */
public enum SeiRejection implements Rejection {
    BAD_BOUNDS("SEI offset or length outside the buffer"),
    EMPTY("SEI NAL unit holds no sei_message"),
    TRUNCATED("SEI ends inside a payloadType or payloadSize field"),
    SIZE_OVERRUN("SEI payloadSize points past the end of the NAL unit"),
    USER_DATA_TOO_SHORT("SEI user_data_unregistered shorter than its 16-byte UUID");

    private final String description;

    SeiRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.SEI;
    }

    @Override
    public String description() {
        return description;
    }
}
