package io.airlock.container.ffmpeg;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a container's codec configuration (avcC, hvcC or Annex B extradata) was refused. */
public enum ContainerRejection implements Rejection {
    TOO_SHORT("decoder configuration record is shorter than its fixed header"),
    TOO_LONG("codec extradata is larger than the 1 MiB Airlock accepts"),
    BAD_CONFIGURATION_VERSION("decoder configuration record has configurationVersion other than 1"),
    LENGTH_OVERRUN("a parameter set length points past the end of the configuration record"),
    TOO_MANY_PARAMETER_SETS("more parameter sets than the 64 Airlock keeps"),
    EMPTY_PARAMETER_SET("a parameter set has length zero"),
    NO_START_CODE("Annex B extradata does not begin with a start code");

    private final String description;

    ContainerRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.CONTAINER;
    }

    @Override
    public String description() {
        return description;
    }
}
