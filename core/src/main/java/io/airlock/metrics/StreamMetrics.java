package io.airlock.metrics;

/**
 * What one camera stream (a camera's main URL, or one of its profiles) reports to the metrics. Called on the scrape
 * thread while the stream runs: implementations read counters their writers publish safely and allocate nothing.
 * Counts only grow.
 */
public interface StreamMetrics {

    /** Index of {@link #seiMessages(int)} counting payload types beyond 255. */
    int SEI_OTHER = 256;

    /** The camera's configured name. */
    String camera();

    /** The configured profile name, or "" for the camera's main stream. */
    String profile();

    /** Whether the upstream session is playing. */
    boolean connected();

    /** Upstream sessions re-established after one was lost. */
    long reconnects();

    /** RTP packets received from the camera. */
    long inboundPackets();

    /** Bytes of RTP received from the camera (headers included). */
    long inboundBytes();

    /** RTP packets handed to recorders: one per packet per recorder. */
    long outboundPackets();

    /** Bytes of RTP handed to recorders. */
    long outboundBytes();

    /** Packets skipped by the camera's RTP sequence numbers. */
    long rtpLost();

    /** Packets from the camera that arrived after a later-numbered one, or twice. */
    long rtpReordered();

    /** Interarrival jitter of the camera's RTP (RFC 3550 §6.4.1), the largest among the stream's tracks. */
    double rtpJitterSeconds();

    /** Bytes of the video track(s) as the media inspector saw them. */
    long videoBytes();

    /** Pictures seen by the media inspector. */
    long videoFrames();

    /** IDR/IRAP pictures seen by the media inspector. */
    long videoKeyframes();

    /** Pictures in the last complete GOP (keyframe to keyframe), 0 before the second keyframe. */
    long gopFrames();

    /** SEI messages of payload type {@code payloadType} (0..255), or beyond ({@link #SEI_OTHER}). */
    long seiMessages(int payloadType);

    /** Recorder sessions receiving the stream now. */
    int recorderSessions();

    /** Packets dropped because a recorder's queue was full. */
    long recorderDrops();

    /** Recorders disconnected for taking nothing for longer than the stall time. */
    long recorderStalls();

    /** Packets dropped because the inspection ring was full. */
    long ringFullDrops();

    /** Camera sender reports passed on to the recorders in their terms. */
    long senderReports();

    /** Camera packets dropped as malformed (RTCP that does not parse, RTP too short or typed as RTCP). */
    long rejectedPackets();
}
