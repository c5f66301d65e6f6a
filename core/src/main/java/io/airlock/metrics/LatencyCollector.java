package io.airlock.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * Exposes a {@link LatencyHistogram} as a Prometheus histogram, built at scrape time from the counts the egress
 * thread keeps: recording stays one array increment per packet, with no Micrometer timer on the packet path.
 *
 * <p>The {@code le} bounds are powers of two nanoseconds (4.1 µs to 1.07 s) because those are edges of the
 * histogram's own buckets: bucket {@code le="2^e ns"} holds exactly the latencies below 2^e ns. Round decimal bounds
 * would cut through buckets (one straddling 1 ms cannot be split), misplacing up to 12.5 % of the values near each.
 */
final class LatencyCollector implements Collector {

    private static final int FIRST_EXPONENT = 12;
    private static final int LAST_EXPONENT = 30;
    private static final double NANOS_PER_SECOND = 1e9;

    private final String name;
    private final String help;
    private final LatencyHistogram histogram;
    private final double[] bounds = new double[LAST_EXPONENT - FIRST_EXPONENT + 2];

    /**
     * @param name      the Prometheus name, ending in {@code _seconds}
     * @param help      the {@code # HELP} text
     * @param histogram what to expose
     */
    LatencyCollector(String name, String help, LatencyHistogram histogram) {
        this.name = name;
        this.help = help;
        this.histogram = histogram;
        for (int e = FIRST_EXPONENT; e <= LAST_EXPONENT; e++) {
            bounds[e - FIRST_EXPONENT] = (1L << e) / NANOS_PER_SECOND;
        }
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
    }

    @Override
    public MetricSnapshot collect() {
        long[] counts = histogram.snapshot();
        long[] perBound = new long[bounds.length];
        int b = 0;
        long limit = 1L << FIRST_EXPONENT;
        for (int i = 0; i < counts.length; i++) {
            // A bucket's values are all below 2^e exactly when its upper edge is: 2^e itself opens a bucket.
            while (b < bounds.length - 1 && LatencyHistogram.upperEdge(i) >= limit) {
                b++;
                limit <<= 1;
            }
            perBound[b] += counts[i];
        }
        return HistogramSnapshot.builder().name(name).help(help)
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, perBound))
                        .sum(histogram.sum() / NANOS_PER_SECOND)
                        .build())
                .build();
    }

    @Override
    public MetricFamilyDescriptor getMetricFamilyDescriptor() {
        return MetricFamilyDescriptor.histogram(name).help(help).build();
    }
}
