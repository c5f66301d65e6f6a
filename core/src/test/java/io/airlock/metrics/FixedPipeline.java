package io.airlock.metrics;

/** A pipeline whose readings are the record's components. */
record FixedPipeline(int ringCapacity, long ringRemaining, long eventsProcessed, long handlerFailures,
                     LatencyHistogram latency) implements PipelineMetrics {
}
