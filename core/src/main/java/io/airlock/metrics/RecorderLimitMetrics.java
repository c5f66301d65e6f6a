package io.airlock.metrics;

/** What the recorder-facing server reports about {@code limits.max_recorders}; called on the scrape thread. */
public interface RecorderLimitMetrics {

    /** Recorder sessions served now, over all cameras. */
    long sessions();

    /** The most recorder sessions served at once ({@code limits.max_recorders}). */
    long maxSessions();

    /** Recorder SETUPs refused (453) because {@link #maxSessions()} sessions were being served. */
    long refusals();
}
