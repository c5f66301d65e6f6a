package io.airlock.proxy;

import io.airlock.codec.Codec;
import io.airlock.pipeline.Track;
import io.airlock.proxy.camera.CameraTrack;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The recorder-facing tracks of a camera, made from what its SETUPs agreed. On a reconnect with the same layout the
 * old ones stay, so recorders carry on; any change in count, encoding, payload type or clock rate means new ones.
 */
final class TrackLayout {

    private static final int DEFAULT_CLOCK_RATE = 90_000;

    private TrackLayout() {
    }

    /** Same number of tracks, each with the same encoding, payload type and clock rate as before. */
    static boolean same(TrackFanOut[] current, List<CameraTrack> cameraTracks, int n) {
        if (current.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Track was = current[i].track();
            CameraTrack now = cameraTracks.get(i);
            if (was.payloadType() != now.payloadType() || was.clockRate() != clockRate(now)
                    || !Objects.equals(was.encodingName(), now.encoding())) {
                return false;
            }
        }
        return true;
    }

    /** Fresh tracks for the first {@code n} camera tracks, each with a random SSRC of its own for recorders. */
    static TrackFanOut[] build(String camera, List<CameraTrack> cameraTracks, int n, long stallNanos,
                               SessionFindings findings, StreamCounters counters) {
        TrackFanOut[] fresh = new TrackFanOut[n];
        for (int i = 0; i < n; i++) {
            CameraTrack ct = cameraTracks.get(i);
            Track track = new Track(camera, i, null, Codec.fromEncodingName(ct.encoding())).encodingName(ct.encoding())
                    .payloadType(ct.payloadType()).clockRate(clockRate(ct));
            long ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFF_FFFFL);
            fresh[i] = new TrackFanOut(track, new RtpContinuity(ssrc, track.clockRate()), stallNanos, findings,
                    counters);
        }
        return fresh;
    }

    private static int clockRate(CameraTrack t) {
        return t.clockRate() > 0 ? (int) t.clockRate() : DEFAULT_CLOCK_RATE;
    }
}
