package io.airlock.server;

/**
 * A stream an {@link RtspServer} serves at one URL path: the camera simulator's clip now, the proxied camera later.
 * Tracks are numbered from 0. Must be thread-safe: sessions on different event loops attach and detach concurrently.
 */
public interface MediaSource {

    /** URL path it is served at, starting with '/', e.g. {@code /hisilicon-sei229}. */
    String path();

    /**
     * The SDP (RFC 4566) answered to DESCRIBE, or null while there is none yet (a proxied camera not yet connected):
     * DESCRIBE then gets 503 and the recorder tries again later.
     *
     * @param baseUrl the request URL without query, e.g. {@code rtsp://127.0.0.1:8554/hisilicon-sei229}
     */
    String sdp(String baseUrl);

    int tracks();

    /** Starts pushing the track's packets to {@code sink}; calls {@link MediaSink#playing} before returning. */
    void attach(int track, MediaSink sink);

    /** Stops pushing to {@code sink}; harmless when not attached. */
    void detach(int track, MediaSink sink);

    /**
     * The track a SETUP URL names, from the part after {@link #path()} (leading '/' and query removed, e.g.
     * {@code trackID=1}; empty for the base URL itself), or -1 when unknown.
     */
    default int track(final String control) {
        if (control.isEmpty() && tracks() == 1) {
            return 0;
        }
        if (control.startsWith("trackID=")) {
            try {
                final int id = Integer.parseInt(control.substring("trackID=".length()));
                return id >= 1 && id <= tracks() ? id - 1 : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The SSRC announced in the SETUP reply's Transport, or -1 to leave it out. */
    default long ssrc(final int track) {
        return -1;
    }
}
