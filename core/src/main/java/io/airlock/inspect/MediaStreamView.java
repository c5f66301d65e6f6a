package io.airlock.inspect;

import io.airlock.alert.StreamIdentity;
import io.airlock.pipeline.Track;

/** A stream's identity, track and statistics, for reports. */
public record MediaStreamView(StreamIdentity identity, Track track, StreamStats stats) {
}
