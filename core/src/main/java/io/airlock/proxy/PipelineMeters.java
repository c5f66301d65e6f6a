package io.airlock.proxy;

import io.airlock.metrics.LatencyHistogram;
import io.airlock.metrics.PipelineMetrics;
import io.airlock.pipeline.InspectionPipeline;

/** The live pipeline as the metrics see it: the ring, the stages' progress and the egress stage's latency. */
final class PipelineMeters implements PipelineMetrics {

    private final InspectionPipeline pipeline;
    private final EgressStage egress;

    PipelineMeters(InspectionPipeline pipeline, EgressStage egress) {
        this.pipeline = pipeline;
        this.egress = egress;
    }

    @Override
    public int ringCapacity() {
        return pipeline.capacity();
    }

    @Override
    public long ringRemaining() {
        return pipeline.remainingCapacity();
    }

    @Override
    public long eventsProcessed() {
        return pipeline.processed();
    }

    @Override
    public long handlerFailures() {
        return pipeline.handlerFailures();
    }

    @Override
    public LatencyHistogram latency() {
        return egress.latency();
    }
}
