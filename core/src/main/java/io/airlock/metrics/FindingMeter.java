package io.airlock.metrics;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code airlock_findings_total{camera, profile, rule, severity}}: every occurrence of every finding, repeats included.
 * A sink is told of a finding once, when it is first raised; later repeats only raise its volatile count. So the meter
 * keeps the findings it was told of and, at scrape time, sums their counts per label set. Told on inspector threads:
 * {@link #onFinding} only queues, the scrape thread does the rest.
 */
final class FindingMeter implements FindingSink {

    /** Findings kept for their counts; the finding tables (10,000 each) keep the real number well below. */
    static final int MAX_FINDINGS = 100_000;
    private static final String[] NO_STREAM = {"", ""};

    private final MeterRegistry registry;
    private final Map<String, String[]> streams;
    private final Queue<Finding> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger told = new AtomicInteger();
    private final Map<List<String>, Occurrences> series = new HashMap<>();

    /** The findings of one label set; read on the scrape thread only. */
    private static final class Occurrences {
        final List<Finding> findings = new ArrayList<>();

        double total() {
            long n = 0;
            for (Finding f : findings) {
                n += f.count();
            }
            return n;
        }
    }

    /**
     * @param streams camera and profile labels by stream name as findings carry it ({@code cam}, {@code cam/profile});
     *                read on the scrape thread
     */
    FindingMeter(MeterRegistry registry, Map<String, String[]> streams) {
        this.registry = registry;
        this.streams = streams;
    }

    @Override
    public void onFinding(Finding finding) {
        if (told.incrementAndGet() <= MAX_FINDINGS) {
            arrived.offer(finding);
        }
    }

    /** Files the findings told since the last call under their labels; on the scrape thread, before a scrape. */
    void refresh() {
        for (Finding f; (f = arrived.poll()) != null; ) {
            String[] stream = streams.getOrDefault(f.stream().file(), NO_STREAM);
            List<String> labels = List.of(stream[0], stream[1], f.rule().id(), f.severity().label());
            Occurrences o = series.get(labels);
            if (o == null) {
                o = new Occurrences();
                series.put(labels, o);
                FunctionCounter.builder("airlock.findings", o, Occurrences::total)
                        .description("Findings by rule and severity, every occurrence counted; camera and profile"
                                + " are empty for findings about no configured stream (a refused recorder)")
                        .tags("camera", stream[0], "profile", stream[1], "rule", labels.get(2), "severity",
                                labels.get(3))
                        .register(registry);
            }
            o.findings.add(f);
        }
    }
}
