package io.airlock.metrics;

import java.util.List;

/**
 * What the recorder-facing RTSP server reports: its {@code limits.max_recorders} accounting and the connections it
 * refused or closed; called on the scrape thread.
 */
public interface RecorderServerMetrics {

    /** Recorder sessions served now, over all cameras. */
    long sessions();

    /** The most recorder sessions served at once ({@code limits.max_recorders}). */
    long maxSessions();

    /** Recorder SETUPs refused (453) because {@link #maxSessions()} sessions were being served. */
    long refusals();

    /** ICMP port unreachable reports for media sent to UDP recorders (a recorder closed its port). */
    long portUnreachable();

    /** Connections closed for holding no session and sending nothing for the session timeout. */
    long idleConnectionsClosed();

    /** Why connections were refused at the framing layer (bounded, stable labels). */
    List<String> connectionRejectionReasons();

    /** Connections closed for {@code reason}, one of {@link #connectionRejectionReasons()}. */
    long connectionRejections(String reason);
}
