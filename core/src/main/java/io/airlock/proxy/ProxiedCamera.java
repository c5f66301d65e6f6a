package io.airlock.proxy;

import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.PacketPublisher;
import io.airlock.pipeline.Track;
import io.airlock.proxy.camera.CameraAnomaly;
import io.airlock.proxy.camera.CameraSessionListener;
import io.airlock.proxy.camera.CameraTrack;
import io.airlock.rtp.RtpPacket;
import io.airlock.rtp.RtpReception;
import io.airlock.rtp.RtpRejection;
import io.airlock.rtsp.RtspMessage;
import io.airlock.rtsp.VendorFingerprint;
import io.airlock.rtsp.VendorFingerprints;
import io.airlock.sdp.SessionDescription;
import io.airlock.server.MediaSink;
import io.airlock.server.MediaSource;
import io.netty.buffer.ByteBuf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One camera as recorders see it: a {@link MediaSource} fed by the camera's single upstream session. Each packet
 * from the camera gets its header made continuous ({@link RtpContinuity}), then goes into the ring; the inspectors
 * see it, then the egress stage hands it to the recorders. When the ring is full the packet is dropped and counted:
 * forwarding never waits on inspection beyond the ring's capacity. Loss, reordering and jitter are measured here, on
 * the camera's own sequence numbers and timestamps at arrival, before the rewrite and before the ring.
 */
final class ProxiedCamera implements MediaSource, CameraSessionListener {

    static final int MAX_TRACKS = 8;

    private final String name;
    private final String path;
    private final PacketPublisher publisher;
    private final SessionFindings findings;
    private final PrintStream log;
    private final StreamIdentity identity;
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final StreamCounters counters = new StreamCounters();
    private final RtpReception[] reception = new RtpReception[MAX_TRACKS];
    private final SenderReports senderReports = new SenderReports();
    private final long stallNanos;
    private final Consumer<String> layoutChanged;
    private volatile TrackFanOut[] tracks = new TrackFanOut[0];
    private volatile String recorderSdp;
    private SessionDescription cameraSdp;
    private volatile boolean connected;
    private boolean played;

    /**
     * @param layoutChanged told this camera's path when the camera came back with other tracks than its recorders set
     *                      up: their sessions must end so that they fetch the new description
     */
    ProxiedCamera(String name, String path, PacketPublisher publisher, SessionFindings findings, PrintStream log,
                  long stallNanos, Consumer<String> layoutChanged) {
        this.stallNanos = stallNanos;
        this.layoutChanged = layoutChanged;
        this.name = name;
        this.path = path;
        this.publisher = publisher;
        this.findings = findings;
        this.log = log;
        this.identity = new StreamIdentity(name, null, 0, null, 0, null, -1, -1);
        for (int i = 0; i < MAX_TRACKS; i++) {
            reception[i] = new RtpReception();
        }
    }

    String name() {
        return name;
    }

    boolean connected() {
        return connected;
    }

    /** Packets dropped because the ring was full. */
    long ringFull() {
        return counters.ringFull.get();
    }

    StreamCounters counters() {
        return counters;
    }

    /** The current tracks' recorders (the array is replaced, never changed, when the track layout changes). */
    TrackFanOut[] fanOuts() {
        return tracks;
    }

    /** Reception statistics of the camera's track {@code track} (0..7), kept across reconnects. */
    RtpReception reception(int track) {
        return reception[track];
    }

    /**
     * Stops forwarding {@code track} (all tracks when negative) because {@code rule} fired and policy says block.
     *
     * @return the track numbers newly blocked
     */
    List<Integer> block(int track, Rule rule) {
        List<Integer> blocked = new ArrayList<>();
        TrackFanOut[] t = tracks;
        for (int i = 0; i < t.length; i++) {
            if ((track < 0 || track == i) && t[i].block(rule)) {
                blocked.add(i);
            }
        }
        return blocked;
    }

    /**
     * Forwards again the tracks blocked by a rule {@code lifted} accepts.
     *
     * @return the track numbers unblocked
     */
    List<Integer> unblock(Predicate<Rule> lifted) {
        List<Integer> resumed = new ArrayList<>();
        TrackFanOut[] t = tracks;
        for (int i = 0; i < t.length; i++) {
            Rule rule = t[i].blockedBy();
            if (rule != null && lifted.test(rule) && t[i].unblock(rule)) {
                resumed.add(i);
            }
        }
        return resumed;
    }

    // --- MediaSource: the recorder side ---

    @Override
    public String path() {
        return path;
    }

    @Override
    public String sdp(String baseUrl) {
        return recorderSdp;
    }

    @Override
    public int tracks() {
        return tracks.length;
    }

    @Override
    public void attach(int track, MediaSink sink) {
        TrackFanOut[] t = tracks;
        if (track >= 0 && track < t.length) {
            t[track].attach(sink);
        }
    }

    @Override
    public void detach(int track, MediaSink sink) {
        for (TrackFanOut t : tracks) {
            t.detach(sink);
        }
    }

    @Override
    public long ssrc(int track) {
        TrackFanOut[] t = tracks;
        return track >= 0 && track < t.length ? t[track].continuity().ssrc() : -1;
    }

    // --- CameraSessionListener: the camera side, on the session's event loop ---

    @Override
    public void sessionStarted(SessionDescription sdp, List<CameraTrack> cameraTracks) {
        cameraSdp = sdp;
        if (played) {
            counters.reconnects.increment();
        }
        played = true;
        int n = Math.min(MAX_TRACKS, cameraTracks.size());
        for (int i = 0; i < n; i++) {
            reception[i].restart(cameraTracks.get(i).clockRate());
        }
        TrackFanOut[] current = tracks;
        boolean sameLayout = TrackLayout.same(current, cameraTracks, n);
        if (sameLayout) {
            // Same layout after a reconnect (or a new URL): recorders stay attached, their streams carry on.
            for (TrackFanOut t : current) {
                t.continuity().restart();
            }
        } else {
            tracks = TrackLayout.build(name, cameraTracks, n, stallNanos, findings, counters);
        }
        recorderSdp = RecorderSdp.of(name, sdp, cameraTracks.subList(0, n), sessionId);
        // Only now: a recorder told to set up again must find the new tracks and description.
        if (!sameLayout && current.length > 0) {
            log.println("airlock: camera " + name + ": the tracks changed; its recorders must set up again");
            layoutChanged.accept(path);
        }
        connected = true;
        log.println("airlock: camera " + name + ": playing " + n + " track(s)");
    }

    @Override
    public void rtp(int track, ByteBuf buf, int offset, int length) {
        TrackFanOut fanOut = fanOut(track);
        if (fanOut == null) {
            return;
        }
        long now = System.nanoTime();
        counters.inboundPackets.increment();
        counters.inboundBytes.add(length);
        if (length < RtpPacket.MIN_HEADER_LENGTH) {
            refused(RtpRejection.TOO_SHORT.description());
            return;
        }
        if (RtpPacket.isRtcp(buf, offset, length)) {
            // Downstream, a payload type in RTCP's range would be taken for RTCP (RFC 5761 §4).
            refused("RTP payload type in RTCP's range 64-95");
            return;
        }
        reception[track].onPacket(buf.getUnsignedShort(offset + RtpPacket.SEQUENCE_NUMBER_OFFSET),
                buf.getUnsignedInt(offset + RtpPacket.TIMESTAMP_OFFSET), now);
        if (fanOut.continuity().rewrite(buf, offset, length, now)) {
            publish(fanOut, buf, offset, length, now);
        }
    }

    @Override
    public void rtcp(int track, ByteBuf buf, int offset, int length) {
        TrackFanOut fanOut = fanOut(track);
        if (fanOut == null) {
            return;
        }
        int at = senderReports.rewrite(buf, offset, length, fanOut.continuity());
        if (at < 0) {
            if (senderReports.rejection() != null) {
                refused(senderReports.rejection().description());
            }
            return;
        }
        counters.senderReports.increment();
        publish(fanOut, buf, at, SenderReports.LENGTH, System.nanoTime());
    }

    private TrackFanOut fanOut(int track) {
        TrackFanOut[] t = tracks;
        return track >= 0 && track < t.length ? t[track] : null;
    }

    /**
     * Into the ring, or dropped when it is full: the one answer that neither waits on inspection nor reorders packets
     * by sending this one ahead of those still in the ring.
     */
    private void publish(TrackFanOut fanOut, ByteBuf buf, int offset, int length, long now) {
        long seq = publisher.tryClaim();
        if (seq < 0) {
            counters.ringFull.increment();
            return;
        }
        // The event holds a reference on the receive buffer itself plus the range: no derived buffer per packet.
        publisher.event(seq).set(PacketKind.RTP, buf.retain(), offset, length, true)
                .track(fanOut.track()).timestampNs(System.currentTimeMillis() * 1_000_000L).arrivalNanos(now);
        publisher.publish(seq);
    }

    /** Counts a malformed camera packet; the first of each camera is also told, in one line. */
    private void refused(String why) {
        if (counters.rejected.get() == 0) {
            log.println("airlock: camera " + name + ": dropped a malformed packet (" + why
                    + "); further ones are only counted");
        }
        counters.rejected.increment();
    }

    @Override
    public void anomaly(CameraAnomaly kind, String detail) {
        Rule rule = kind == CameraAnomaly.FOREIGN_RTP ? Rule.RTSP_04 : Rule.RTSP_01;
        findings.raise(rule, "camera:" + name + ":" + kind, identity, "camera " + name + ": " + kind.description(),
                "detail", detail);
    }

    @Override
    public void sessionLost(String reason, long retryInMs) {
        connected = false;
        log.println("airlock: camera " + name + ": " + reason + "; retrying in "
                + String.format(Locale.ROOT, "%.1f", retryInMs / 1000.0) + " s");
    }

    @Override
    public void rtspResponse(RtspMessage msg) {
        String type = msg.header("Content-Type");
        SessionDescription sdp = msg.bodyLength() > 0 && type != null && type.toLowerCase(Locale.ROOT).contains("sdp")
                ? SessionDescription.parse(msg.body()) : null;
        for (VendorFingerprint fp : VendorFingerprints.of(msg, sdp)) {
            findings.raise(Rule.RTSP_02, "camera:" + name + ":" + fp.source(), identity,
                    "camera " + name + ": " + fp.vendor() + " (" + fp.source() + ")", fp.source(), fp.evidence());
        }
    }

}
