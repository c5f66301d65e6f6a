package io.airlock.config;

import java.time.Duration;

/**
 * Bounds that keep one slow peer from hurting the others.
 *
 * @param recorderQueuePackets packets queued per recorder before Airlock drops for it
 * @param recorderStall        how long a recorder may accept nothing before it is disconnected
 * @param sessionTimeout       RTSP session timeout announced to recorders and enforced without keep-alives
 * @param maxRecorders         recorder sessions (one per camera stream a recorder plays) served at once, over all
 *                             cameras; a SETUP beyond it is refused with 453 until a session ends
 */
public record Limits(int recorderQueuePackets, Duration recorderStall, Duration sessionTimeout, int maxRecorders) {

    public static final int DEFAULT_RECORDER_QUEUE_PACKETS = 2048;
    public static final Duration DEFAULT_RECORDER_STALL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RECORDERS = 64;

    /** The defaults, used when the file has no {@code limits} section. */
    public static Limits defaults() {
        return new Limits(DEFAULT_RECORDER_QUEUE_PACKETS, DEFAULT_RECORDER_STALL, DEFAULT_SESSION_TIMEOUT,
                DEFAULT_MAX_RECORDERS);
    }
}
