package io.airlock.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTest {

    @Test
    void shouldReportPercentilesWithinAFactorOfTwo() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * 1000L);
        }
        h.record(-5);
        assertThat(h.count()).isEqualTo(1001);
        assertThat(h.percentile(0.5)).isBetween(500_000L, 1_048_575L);
        assertThat(h.percentile(0.99)).isBetween(990_000L, 2_097_151L);
        assertThat(h.max()).isEqualTo(1_000_000L);
        assertThat(new LatencyHistogram().percentile(0.99)).isZero();
    }
}
