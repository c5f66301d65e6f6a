package io.airlock.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTest {

    @Test
    void shouldReportPercentilesWithinTwelveAndAHalfPercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * 1000L);
        }
        h.record(-5);
        assertThat(h.count()).isEqualTo(1001);
        assertThat(h.percentile(0.5)).isBetween(500_000L, 562_500L);
        assertThat(h.percentile(0.99)).isBetween(990_000L, 1_113_750L);
        assertThat(h.max()).isEqualTo(1_000_000L);
        assertThat(h.sum()).as("1..1000 µs, and -5 as zero").isEqualTo(500_500_000L);
        assertThat(new LatencyHistogram().percentile(0.99)).isZero();
    }

    @Test
    void shouldTellOneHundredFiftyFromTwoHundredFiftyMicroseconds() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(150_000);
        b.record(250_000);
        assertThat(a.percentile(0.99)).isLessThan(200_000);
        assertThat(b.percentile(0.99)).isGreaterThan(200_000);
    }

    @Test
    void shouldGiveWindowPercentilesFromSnapshots() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_000);
        long[] before = h.snapshot();
        h.record(10_000);
        long[] after = h.snapshot();
        for (int i = 0; i < after.length; i++) {
            after[i] -= before[i];
        }
        assertThat(LatencyHistogram.percentile(after, 1.0)).isBetween(10_000L, 11_250L);
    }

    @Test
    void shouldMapEveryValueIntoABucketWhoseEdgeCoversIt() {
        for (long v : new long[] {0, 1, 7, 8, 9, 15, 16, 1023, 1024, 123_456_789L, Long.MAX_VALUE}) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperEdge(i)).as("v=%d", v).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.upperEdge(i - 1)).as("v=%d", v).isLessThan(v);
            }
        }
    }
}
