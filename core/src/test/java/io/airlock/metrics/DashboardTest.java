package io.airlock.metrics;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/grafana/airlock-dashboard.json queries only series that Airlock serves. */
class DashboardTest {

    private static final Pattern SERIES = Pattern.compile("\\b((?:airlock|jvm|process|system)_[a-z0-9_]+)");

    @Test
    void shouldQueryOnlyMetricNamesTheRegistryExposes() throws Exception {
        String dashboard = Files.readString(TestPaths.root().resolve("docs/grafana/airlock-dashboard.json"));
        Set<String> queried = new TreeSet<>();
        Matcher m = SERIES.matcher(dashboard);
        while (m.find()) {
            queried.add(m.group(1));
        }
        assertThat(queried).as("series in the dashboard").hasSizeGreaterThan(20);

        try (AirlockMetrics metrics = new AirlockMetrics()) {
            FakeStream stream = new FakeStream("gate", "");
            stream.sei[229] = 1;
            metrics.register(stream);
            metrics.register(new FixedPipeline(1024, 1024, 0, 0, new LatencyHistogram()));
            metrics.countFindings(FindingSink.NONE).onFinding(new Finding(Rule.MED_02, Rule.MED_02.severity(),
                    new StreamIdentity("gate", null, 0, null, 0, null, 0, -1), 1, -1));
            // The GC pause timer has its first sample once a collection has been reported.
            Set<String> served = new HashSet<>();
            for (int i = 0; i < 50 && !served.containsAll(queried); i++) {
                System.gc();
                Thread.sleep(100);
                for (PrometheusText.Family f : PrometheusText.parse(metrics.scrape()).families().values()) {
                    f.samples().forEach(s -> served.add(s.name()));
                }
            }
            assertThat(served).containsAll(queried);
        }
    }
}
