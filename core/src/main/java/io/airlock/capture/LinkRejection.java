package io.airlock.capture;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a link-layer frame was refused. */
public enum LinkRejection implements Rejection {
    TOO_SHORT("frame is shorter than its link-layer header"),
    UNSUPPORTED_LINK_TYPE("link type is not Ethernet, Linux cooked (SLL/SLL2), loopback or raw IP"),
    TOO_MANY_VLAN_TAGS("frame carries more stacked VLAN tags than supported"),
    NOT_IP("frame carries neither IPv4 nor IPv6");

    private final String description;

    LinkRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.LINK;
    }

    @Override
    public String description() {
        return description;
    }
}
