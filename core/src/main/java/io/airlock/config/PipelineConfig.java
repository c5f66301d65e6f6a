package io.airlock.config;

import io.airlock.pipeline.WaitStrategies;

/**
 * The inspection ring between ingest and the inspectors.
 *
 * @param ringSize     slots in the ring, a power of two
 * @param waitStrategy one of {@link WaitStrategies#names()}
 */
public record PipelineConfig(int ringSize, String waitStrategy) {

    public static final int DEFAULT_RING_SIZE = 16384;
    public static final int MIN_RING_SIZE = 64;
    public static final int MAX_RING_SIZE = 1 << 22;

    /** The defaults, used when the file has no {@code pipeline} section. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(DEFAULT_RING_SIZE, WaitStrategies.LIVE_DEFAULT);
    }
}
