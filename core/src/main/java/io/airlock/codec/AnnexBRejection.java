package io.airlock.codec;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Anomalies in an Annex B byte stream (ITU-T H.264 Annex B, ITU-T H.265 Annex B). */
public enum AnnexBRejection implements Rejection {
    LEADING_GARBAGE("Annex B stream has non-zero bytes before its first start code"),
    ZERO_LENGTH_UNIT("Annex B start code followed directly by another start code"),
    TRUNCATED_HEADER("Annex B unit shorter than its NAL unit header");

    private final String description;

    AnnexBRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.ANNEX_B;
    }

    @Override
    public String description() {
        return description;
    }
}
