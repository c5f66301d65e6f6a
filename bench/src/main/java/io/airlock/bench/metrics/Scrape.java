package io.airlock.bench.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of {@code /metrics}, as (name, labels) → value, read from the text format line by line. */
final class Scrape {

    /** One sample. */
    record Sample(String name, String labels, double value) {
    }

    final long atNanos;
    private final List<Sample> samples = new ArrayList<>();

    private Scrape(long atNanos) {
        this.atNanos = atNanos;
    }

    static Scrape parse(String text, long atNanos) {
        Scrape s = new Scrape(atNanos);
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            int brace = key.indexOf('{');
            String labels = brace < 0 ? "" : key.substring(brace);
            s.samples.add(new Sample(brace < 0 ? key : key.substring(0, brace), labels,
                    Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity"))));
        }
        return s;
    }

    /** The sum of the samples named {@code name} whose labels contain {@code labelText}, e.g. {@code rule="MED-02"}. */
    double sum(String name, String labelText) {
        double n = 0;
        for (Sample x : samples) {
            if (x.name.equals(name) && x.labels.contains(labelText)) {
                n += x.value;
            }
        }
        return n;
    }

    List<Sample> samples() {
        return samples;
    }

    double sum(String name) {
        return sum(name, "");
    }

    /** Cumulative histogram buckets of {@code name}: upper bound (seconds) → count. */
    Map<Double, Double> buckets(String name) {
        Map<Double, Double> m = new LinkedHashMap<>();
        for (Sample x : samples) {
            if (x.name.equals(name + "_bucket")) {
                int at = x.labels.indexOf("le=\"") + 4;
                String le = x.labels.substring(at, x.labels.indexOf('"', at));
                m.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), x.value);
            }
        }
        return m;
    }

    /**
     * The {@code q} quantile of what was recorded between {@code earlier} and this scrape, interpolated within a
     * bucket as PromQL's {@code histogram_quantile} does; NaN when nothing was recorded.
     */
    double quantile(Scrape earlier, String name, double q) {
        Map<Double, Double> now = buckets(name);
        Map<Double, Double> then = earlier.buckets(name);
        double total = now.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - then.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> e : now.entrySet()) {
            double count = e.getValue() - then.getOrDefault(e.getKey(), 0.0);
            if (count >= rank) {
                if (e.getKey().isInfinite()) {
                    return lower;
                }
                return lower + (e.getKey() - lower) * (rank - below) / Math.max(1e-12, count - below);
            }
            lower = e.getKey();
            below = count;
        }
        return lower;
    }
}
