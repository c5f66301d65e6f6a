package io.airlock.config;

import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.WaitStrategies;

/**
 * The inspection ring between ingest and the inspectors.
 *
 * @param ringSize     slots in the ring, a power of two
 * @param waitStrategy one of {@link WaitStrategies#names()}
 * @param stageCpu     the CPU the inspection thread is confined to, or {@link InspectionPipeline#NO_CPU}
 */
public record PipelineConfig(int ringSize, String waitStrategy, int stageCpu) {

    public static final int DEFAULT_RING_SIZE = 16384;
    public static final int MIN_RING_SIZE = 64;
    public static final int MAX_RING_SIZE = 1 << 22;
    /** Linux's default CPU_SETSIZE is 1024. */
    public static final int MAX_STAGE_CPU = 1023;

    /** The defaults, used when the file has no {@code pipeline} section. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(DEFAULT_RING_SIZE, WaitStrategies.LIVE_DEFAULT);
    }

    /** No CPU of its own for the inspection thread. */
    public PipelineConfig(int ringSize, String waitStrategy) {
        this(ringSize, waitStrategy, InspectionPipeline.NO_CPU);
    }
}
