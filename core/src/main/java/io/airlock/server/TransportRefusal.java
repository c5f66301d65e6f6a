package io.airlock.server;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a SETUP's Transport was answered with 461 Unsupported Transport. */
public enum TransportRefusal implements Rejection {
    BAD_TRANSPORT("Transport header missing or unparseable"),
    DESTINATION_NOT_PEER("Transport destination= names a host other than the requesting peer"),
    MULTICAST("Transport asks for multicast delivery"),
    ZERO_CLIENT_PORT("Transport client_port is 0"),
    NO_CLIENT_PORT("UDP Transport without client_port"),
    UNSUPPORTED_PROFILE("Transport profile is neither RTP/AVP nor RTP/AVP/TCP"),
    BAD_INTERLEAVED("Transport interleaved channels out of range or already in use"),
    NO_SERVER_PORTS("no free UDP server port pair");

    private final String description;

    TransportRefusal(final String description) {
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
