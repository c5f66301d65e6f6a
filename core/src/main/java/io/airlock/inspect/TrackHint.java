package io.airlock.inspect;

import io.airlock.codec.Codec;

/**
 * What the RTSP session said about a media stream before its packets arrive: codec, payload type, clock rate and
 * encoding name from the SDP, and the track number.
 */
record TrackHint(String sessionName, int trackIndex, String mediaType, String encodingName, Codec codec,
                 int payloadType, int clockRate) {

    boolean video() {
        return "video".equalsIgnoreCase(mediaType);
    }
}
