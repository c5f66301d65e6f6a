package io.airlock.proxy.camera;

import io.airlock.rtsp.RtspMessage;
import io.airlock.sdp.SessionDescription;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Captures every listener call as text (for the "no password anywhere" checks) and waits for conditions. */
final class RecordingListener implements CameraSessionListener {

    record Packet(int track, boolean rtcp, byte[] bytes) {
    }

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Packet> packets = new CopyOnWriteArrayList<>();
    final List<List<CameraTrack>> started = new CopyOnWriteArrayList<>();
    final List<Long> retries = new CopyOnWriteArrayList<>();
    final List<CameraAnomaly> anomalies = new CopyOnWriteArrayList<>();

    @Override
    public void sessionStarted(final SessionDescription sdp, final List<CameraTrack> tracks) {
        started.add(tracks);
        events.add("started " + tracks);
    }

    @Override
    public void rtp(final int track, final ByteBuf buf, final int offset, final int length) {
        packets.add(new Packet(track, false, ByteBufUtil.getBytes(buf, offset, length)));
    }

    @Override
    public void rtcp(final int track, final ByteBuf buf, final int offset, final int length) {
        packets.add(new Packet(track, true, ByteBufUtil.getBytes(buf, offset, length)));
    }

    @Override
    public void anomaly(final CameraAnomaly kind, final String detail) {
        anomalies.add(kind);
        events.add("anomaly " + kind + " " + detail);
    }

    @Override
    public void sessionLost(final String reason, final long retryInMs) {
        retries.add(retryInMs);
        events.add("lost " + reason + " retry " + retryInMs);
    }

    @Override
    public void rtspResponse(final RtspMessage msg) {
        final StringBuilder sb = new StringBuilder("response ").append(msg.statusCode());
        for (int i = 0; i < msg.headerCount(); i++) {
            sb.append(' ').append(msg.headerName(i)).append('=').append(msg.headerValue(i));
        }
        events.add(sb.toString());
    }

    List<Packet> packets(final int track, final boolean rtcp) {
        final List<Packet> out = new ArrayList<>();
        for (final Packet p : packets) {
            if (p.track() == track && p.rtcp() == rtcp) {
                out.add(p);
            }
        }
        return out;
    }

    /** Polls {@code condition} on this listener until it holds or {@code timeoutMs} passes. */
    boolean await(final Predicate<RecordingListener> condition, final long timeoutMs) throws InterruptedException {
        final long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.test(this)) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.test(this);
    }
}
