package io.airlock.server;

/**
 * One RTSP session (RFC 2326 §3.7) on one connection: the source it plays, one {@link Egress} per set-up track, the
 * URL each track was set up with (for RTP-Info), and when the peer was last heard from.
 */
final class RtspSession {

    private final String id;
    private final MediaSource source;
    private final Egress[] egress;
    private final String[] trackUrls;
    private volatile long lastActivityNanos;
    private boolean playing;

    RtspSession(final String id, final MediaSource source, final long nowNanos) {
        this.id = id;
        this.source = source;
        this.egress = new Egress[source.tracks()];
        this.trackUrls = new String[source.tracks()];
        this.lastActivityNanos = nowNanos;
    }

    String id() {
        return id;
    }

    MediaSource source() {
        return source;
    }

    Egress egress(final int track) {
        return egress[track];
    }

    String trackUrl(final int track) {
        return trackUrls[track];
    }

    int tracks() {
        return egress.length;
    }

    boolean hasTracks() {
        for (Egress e : egress) {
            if (e != null) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the track's transport (a re-SETUP); the old one is detached and closed. */
    void setUp(final int track, final Egress e, final String url) {
        final Egress old = egress[track];
        if (old != null) {
            source.detach(track, old);
            old.close();
        }
        egress[track] = e;
        trackUrls[track] = url;
    }

    boolean playing() {
        return playing;
    }

    /** Attaches every set-up track; the sinks then know their first sequence number and RTP time. */
    void play() {
        if (playing) {
            return;
        }
        playing = true;
        for (int t = 0; t < egress.length; t++) {
            if (egress[t] != null) {
                source.attach(t, egress[t]);
            }
        }
    }

    void pause() {
        if (!playing) {
            return;
        }
        playing = false;
        for (int t = 0; t < egress.length; t++) {
            if (egress[t] != null) {
                source.detach(t, egress[t]);
            }
        }
    }

    /** Stops media and frees transports. */
    void close() {
        pause();
        for (int t = 0; t < egress.length; t++) {
            if (egress[t] != null) {
                egress[t].close();
                egress[t] = null;
            }
        }
    }

    void touch(final long nowNanos) {
        lastActivityNanos = nowNanos;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** The connection can take more: lets each TCP egress write what it still has queued. */
    void writable() {
        for (Egress e : egress) {
            if (e instanceof TcpInterleavedEgress) {
                ((TcpInterleavedEgress) e).writable();
            }
        }
    }

    /** Whether this session's TCP egress uses interleaved channel {@code ch}. */
    boolean usesChannel(final int ch) {
        for (Egress e : egress) {
            if (e instanceof TcpInterleavedEgress) {
                final TcpInterleavedEgress t = (TcpInterleavedEgress) e;
                if (t.rtpChannel() == ch || t.rtcpChannel() == ch) {
                    return true;
                }
            }
        }
        return false;
    }
}
