package io.airlock.sdp;

/** One problem found by {@link SessionDescription#parse}; {@code line} is 1-based, 0 when not tied to a line. */
public record SdpProblem(SdpRejection reason, int line) {
}
