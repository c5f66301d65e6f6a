package io.airlock.container.imkh;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why bytes were refused as a Hikvision HIK_MEDIAINFO ("IMKH") header. */
public enum ImkhRejection implements Rejection {
    TOO_SHORT("IMKH media info header is shorter than 40 bytes"),
    BAD_MAGIC("IMKH media info header does not start with the fourcc \"IMKH\""),
    BAD_HEX("SDP MEDIAINFO value is not 80 hexadecimal characters");

    private final String description;

    ImkhRejection(final String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.IMKH;
    }

    @Override
    public String description() {
        return description;
    }
}
