package io.airlock.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one camera stream, labelled {@code camera} and {@code profile} only (both from the configuration, so
 * bounded). Every meter reads its value from the {@link StreamMetrics} at scrape time: nothing is counted twice and
 * nothing on the packet path knows Micrometer exists. SEI payload types get a series when first seen, so a stream
 * carries one per type it actually sends rather than 257 zeros. Micrometer holds a function counter's object weakly:
 * this class holds the stream. A registry hands back the meter it already has for the same name and labels, so a
 * stream's meters are removed when it is ({@link #remove}): one added later under the same names would otherwise
 * read the old stream.
 */
final class StreamMeters {

    private final MeterRegistry registry;
    private final StreamMetrics stream;
    private final Tags tags;
    private final boolean[] seiRegistered = new boolean[StreamMetrics.SEI_OTHER + 1];
    private final List<Meter> meters = new ArrayList<>();

    StreamMeters(MeterRegistry registry, StreamMetrics stream) {
        this.registry = registry;
        this.stream = stream;
        this.tags = Tags.of("camera", stream.camera(), "profile", stream.profile());
        register();
    }

    private void register() {
        gauge("airlock.camera.connected", null, "1 while the upstream session to the camera is playing",
                s -> s.connected() ? 1 : 0);
        counter("airlock.camera.reconnects", null, "Upstream sessions to the camera re-established after a loss",
                StreamMetrics::reconnects);
        counter("airlock.stream.inbound", "bytes", "Bytes of RTP received from the camera, headers included",
                StreamMetrics::inboundBytes);
        counter("airlock.stream.inbound.packets", null, "RTP packets received from the camera",
                StreamMetrics::inboundPackets);
        counter("airlock.stream.outbound", "bytes", "Bytes of RTP handed to recorders, once per recorder",
                StreamMetrics::outboundBytes);
        counter("airlock.stream.outbound.packets", null, "RTP packets handed to recorders, once per recorder",
                StreamMetrics::outboundPackets);
        counter("airlock.rtp.lost.packets", null, "Packets skipped by the camera's RTP sequence numbers"
                + " (RFC 3550 A.1); minus airlock_rtp_reordered_packets_total it is A.3's cumulative loss",
                StreamMetrics::rtpLost);
        counter("airlock.rtp.reordered.packets", null, "RTP packets from the camera that arrived after a"
                + " later-numbered one, or twice", StreamMetrics::rtpReordered);
        gauge("airlock.rtp.jitter", "seconds", "Interarrival jitter of the camera's RTP (RFC 3550 6.4.1, A.8),"
                + " the largest among the stream's tracks", StreamMetrics::rtpJitterSeconds);
        counter("airlock.video", "bytes", "Bytes of video RTP inspected", StreamMetrics::videoBytes);
        counter("airlock.video.frames", null, "Pictures inspected", StreamMetrics::videoFrames);
        counter("airlock.video.keyframes", null, "IDR/IRAP pictures inspected", StreamMetrics::videoKeyframes);
        gauge("airlock.video.gop", "frames", "Pictures in the last complete GOP, keyframe to keyframe",
                StreamMetrics::gopFrames);
        gauge("airlock.recorder.sessions", null, "Recorder sessions receiving the stream",
                StreamMetrics::recorderSessions);
        counter("airlock.recorder.dropped.packets", null, "Packets dropped because a recorder's queue was full",
                StreamMetrics::recorderDrops);
        counter("airlock.recorder.stalls", null, "Recorders disconnected for taking nothing for limits.recorder_stall",
                StreamMetrics::recorderStalls);
        counter("airlock.pipeline.ring.full.drops", null, "Camera packets dropped because the inspection ring was full",
                StreamMetrics::ringFullDrops);
        counter("airlock.rtcp.sender.reports", null, "Camera RTCP sender reports passed on to recorders, with"
                + " Airlock's SSRC, timestamps and counts (RFC 3550 6.4.1)", StreamMetrics::senderReports);
        counter("airlock.camera.rejected.packets", null, "Camera RTP/RTCP packets dropped as malformed",
                StreamMetrics::rejectedPackets);
    }

    /** Adds a series for each SEI payload type seen since the last call; on the scrape thread, before a scrape. */
    void refresh() {
        for (int type = 0; type <= StreamMetrics.SEI_OTHER; type++) {
            if (!seiRegistered[type] && stream.seiMessages(type) > 0) {
                seiRegistered[type] = true;
                int t = type;
                String label = type == StreamMetrics.SEI_OTHER ? "other" : String.valueOf(type);
                meters.add(FunctionCounter.builder("airlock.sei.messages", stream, s -> s.seiMessages(t))
                        .description("SEI messages by payload type (H.264 D.1, H.265 D.2); 'other' is beyond 255")
                        .tags(tags).tag("payload_type", label).register(registry));
            }
        }
    }

    boolean measures(StreamMetrics s) {
        return stream == s;
    }

    /** Takes every series of this stream out of the registry. */
    void remove() {
        for (Meter m : meters) {
            registry.remove(m);
        }
        meters.clear();
    }

    private void counter(String name, String unit, String help, ToDoubleFunction<StreamMetrics> value) {
        meters.add(FunctionCounter.builder(name, stream, value).baseUnit(unit).description(help).tags(tags)
                .register(registry));
    }

    private void gauge(String name, String unit, String help, ToDoubleFunction<StreamMetrics> value) {
        meters.add(Gauge.builder(name, stream, value).baseUnit(unit).description(help).tags(tags).strongReference(true)
                .register(registry));
    }
}
