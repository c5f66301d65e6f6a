package io.airlock.proxy;

import io.airlock.inspect.MediaInspector;
import io.airlock.inspect.StreamStats;
import io.airlock.metrics.StreamMetrics;
import io.airlock.rtp.RtpReception;

import java.util.function.ToLongFunction;

/**
 * One {@link ProxiedCamera} as the metrics see it: its {@link StreamCounters}, the reception statistics of its tracks
 * and, for video, the {@link StreamStats} the media inspector keeps for each track. Read on the scrape thread.
 *
 * <p>The video counts belong to the inspector's per-track state, so in the rare case of a reconnect that changes the
 * camera's track layout they start again from zero (Prometheus takes that as a counter reset); the traffic, RTP and
 * recorder counts belong to the stream and never go back.
 */
final class CameraStreamMetrics implements StreamMetrics {

    private final ProxiedCamera camera;
    private final String cameraName;
    private final String profile;

    CameraStreamMetrics(ProxiedCamera camera, String cameraName, String profile) {
        this.camera = camera;
        this.cameraName = cameraName;
        this.profile = profile;
    }

    @Override
    public String camera() {
        return cameraName;
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public boolean connected() {
        return camera.connected();
    }

    @Override
    public long reconnects() {
        return camera.counters().reconnects.get();
    }

    @Override
    public long inboundPackets() {
        return camera.counters().inboundPackets.get();
    }

    @Override
    public long inboundBytes() {
        return camera.counters().inboundBytes.get();
    }

    @Override
    public long outboundPackets() {
        return camera.counters().outboundPackets.get();
    }

    @Override
    public long outboundBytes() {
        return camera.counters().outboundBytes.get();
    }

    @Override
    public long rtpLost() {
        return sumReception(RtpReception::lost);
    }

    @Override
    public long rtpReordered() {
        return sumReception(RtpReception::reordered);
    }

    @Override
    public double rtpJitterSeconds() {
        double max = 0;
        for (int i = 0; i < camera.fanOuts().length; i++) {
            max = Math.max(max, camera.reception(i).jitterSeconds());
        }
        return max;
    }

    @Override
    public long videoBytes() {
        // Only video tracks have pictures; audio and metadata tracks count bytes but never a frame.
        return sumStats(s -> s.frames() > 0 ? s.bytes() : 0);
    }

    @Override
    public long videoFrames() {
        return sumStats(StreamStats::frames);
    }

    @Override
    public long videoKeyframes() {
        return sumStats(StreamStats::keyframes);
    }

    @Override
    public long gopFrames() {
        long max = 0;
        for (TrackFanOut t : camera.fanOuts()) {
            StreamStats s = MediaInspector.stats(t.track());
            max = Math.max(max, s == null ? 0 : s.gopLength());
        }
        return max;
    }

    @Override
    public long seiMessages(int payloadType) {
        return sumStats(s -> s.sei(payloadType));
    }

    @Override
    public int recorderSessions() {
        // A recorder that set up several tracks is one session: count the busiest track's recorders.
        int max = 0;
        for (TrackFanOut t : camera.fanOuts()) {
            max = Math.max(max, t.recorders());
        }
        return max;
    }

    @Override
    public long recorderDrops() {
        return camera.counters().recorderDrops.get();
    }

    @Override
    public long recorderStalls() {
        return camera.counters().recorderStalls.get();
    }

    @Override
    public long ringFullDrops() {
        return camera.counters().ringFull.get();
    }

    @Override
    public long senderReports() {
        return camera.counters().senderReports.get();
    }

    @Override
    public long rejectedPackets() {
        return camera.counters().rejected.get();
    }

    private long sumReception(ToLongFunction<RtpReception> value) {
        long n = 0;
        for (int i = 0; i < ProxiedCamera.MAX_TRACKS; i++) {
            n += value.applyAsLong(camera.reception(i));
        }
        return n;
    }

    /** Sums over the current tracks the inspector has seen. */
    private long sumStats(ToLongFunction<StreamStats> value) {
        long n = 0;
        for (TrackFanOut t : camera.fanOuts()) {
            StreamStats s = MediaInspector.stats(t.track());
            n += s == null ? 0 : value.applyAsLong(s);
        }
        return n;
    }
}
