package io.airlock.proxy;

import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.pipeline.Track;
import io.airlock.server.MediaSink;
import io.netty.buffer.ByteBuf;

/**
 * The recorders of one camera track. A packet received once is offered to every attached sink; each sink retains
 * what it queues (a reference count, not a copy) and drops rather than block, so a slow recorder can hold up neither
 * the camera nor the others. A recorder that has taken nothing for longer than the configured stall time is
 * disconnected and reported (RTSP-06).
 *
 * <p>Sinks live in an array replaced on attach/detach (recorder sessions' threads) and read by index on the egress
 * thread: delivering allocates nothing. What was handed over, dropped and disconnected is counted in the stream's
 * {@link StreamCounters}, which outlive this track.
 */
final class TrackFanOut {

    /** One recorder of the track and its drop history; written only by the egress thread after creation. */
    private static final class Slot {
        final MediaSink sink;
        long dropping = -1;
        long drops;
        volatile boolean disconnected;

        Slot(MediaSink sink) {
            this.sink = sink;
        }
    }

    private static final Slot[] NONE = new Slot[0];

    private final Track track;
    private final RtpContinuity continuity;
    private final long stallNanos;
    private final SessionFindings findings;
    private final StreamCounters counters;
    private volatile Slot[] slots = NONE;
    private volatile Rule blockedBy;
    private boolean dirty;

    TrackFanOut(Track track, RtpContinuity continuity, long stallNanos, SessionFindings findings,
                StreamCounters counters) {
        this.track = track;
        this.continuity = continuity;
        this.stallNanos = stallNanos;
        this.findings = findings;
        this.counters = counters;
        track.egress(this);
    }

    Track track() {
        return track;
    }

    RtpContinuity continuity() {
        return continuity;
    }

    synchronized void attach(MediaSink sink) {
        sink.playing(continuity.nextSequence(), continuity.lastTimestamp());
        Slot[] current = slots;
        for (Slot s : current) {
            if (s.sink == sink) {
                return;
            }
        }
        Slot[] next = new Slot[current.length + 1];
        System.arraycopy(current, 0, next, 0, current.length);
        next[current.length] = new Slot(sink);
        slots = next;
    }

    synchronized void detach(MediaSink sink) {
        Slot[] current = slots;
        int n = 0;
        Slot[] next = new Slot[current.length];
        for (Slot s : current) {
            if (s.sink != sink) {
                next[n++] = s;
            }
        }
        if (n != current.length) {
            Slot[] trimmed = new Slot[n];
            System.arraycopy(next, 0, trimmed, 0, n);
            slots = trimmed;
        }
    }

    /** Stops all forwarding of this track; returns false when it was already blocked. */
    boolean block(Rule rule) {
        if (blockedBy != null) {
            return false;
        }
        blockedBy = rule;
        return true;
    }

    /** Forwards again if {@code rule} is what blocked this track; false when it was not. */
    boolean unblock(Rule rule) {
        if (blockedBy != rule) {
            return false;
        }
        blockedBy = null;
        return true;
    }

    /** The rule whose finding blocked this track under the policy, or null. */
    Rule blockedBy() {
        return blockedBy;
    }

    /** Recorders attached and not disconnected as stalled; a snapshot, from any thread. */
    int recorders() {
        int n = 0;
        for (Slot s : slots) {
            n += s.disconnected ? 0 : 1;
        }
        return n;
    }

    /** Offers one packet, {@code buf[offset, offset + length)}, to every recorder of the track; egress thread. */
    void deliver(ByteBuf buf, int offset, int length, long nowNanos) {
        if (blockedBy != null) {
            return;
        }
        Slot[] current = slots;
        for (int i = 0; i < current.length; i++) {
            Slot s = current[i];
            if (s.disconnected) {
                continue;
            }
            if (s.sink.offer(buf, offset, length, false)) {
                s.dropping = -1;
                counters.outboundPackets.increment();
                counters.outboundBytes.add(length);
            } else {
                counters.recorderDrops.increment();
                s.drops++;
                if (s.dropping < 0) {
                    s.dropping = nowNanos;
                } else if (nowNanos - s.dropping > stallNanos) {
                    stalled(s);
                }
            }
        }
        dirty = true;
    }

    /**
     * Offers one RTCP packet to every recorder of the track; egress thread. A recorder too slow to take it loses a
     * report, which the next one replaces: this counts towards neither drops nor stalls, which RTP alone decides.
     */
    void deliverRtcp(ByteBuf buf, int offset, int length) {
        if (blockedBy != null) {
            return;
        }
        Slot[] current = slots;
        for (int i = 0; i < current.length; i++) {
            if (!current[i].disconnected) {
                current[i].sink.offer(buf, offset, length, true);
            }
        }
        dirty = true;
    }

    private void stalled(Slot s) {
        s.disconnected = true;
        counters.recorderStalls.increment();
        s.sink.disconnect();
        findings.raise(Rule.RTSP_06, "stalled:" + track.sourceName() + ":" + track.index() + ":"
                        + System.identityHashCode(s.sink),
                new StreamIdentity(track.sourceName(), null, 0, null, 0, null, track.index(), continuity.ssrc()),
                "recorder of " + track.sourceName() + " took nothing for " + stallNanos / 1_000_000
                        + " ms: disconnected after " + s.drops + " dropped packets", "dropped", Long.toString(s.drops));
    }

    /** Pushes what the sinks queued since the last flush to their sockets. */
    void flush() {
        if (dirty) {
            dirty = false;
            Slot[] current = slots;
            for (int i = 0; i < current.length; i++) {
                current[i].sink.flush();
            }
        }
    }
}
