package io.airlock.metrics;

/** What the inspection pipeline reports to the metrics; called on the scrape thread while it runs. */
public interface PipelineMetrics {

    /** Slots in the ring. */
    int ringCapacity();

    /** Slots free right now: how far the slowest stage may still fall behind before live sources drop. */
    long ringRemaining();

    /** Events that have passed every stage. */
    long eventsProcessed();

    /** Exceptions thrown by stages (bugs; the pipeline carried on). */
    long handlerFailures();

    /** Latency from a camera packet's arrival to its hand-over to the recorders. */
    LatencyHistogram latency();
}
