package io.airlock.classify;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why no server name could be read from a TLS ClientHello. */
public enum TlsRejection implements Rejection {
    TOO_SHORT("TLS payload is shorter than a record and handshake header"),
    NOT_CLIENT_HELLO("TLS record is not a handshake record carrying a ClientHello"),
    TRUNCATED("TLS ClientHello ends before its server_name extension in this segment"),
    BAD_LENGTH("TLS ClientHello length field is out of range"),
    NO_SERVER_NAME("TLS ClientHello has no server_name extension"),
    BAD_SERVER_NAME("TLS server_name is empty, too long or not a host name");

    private final String description;

    TlsRejection(String description) {
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
