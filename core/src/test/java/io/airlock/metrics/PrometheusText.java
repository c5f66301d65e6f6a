package io.airlock.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line is a {@code # HELP}, a
 * {@code # TYPE} or a sample, every sample belongs to a family declared before it with both HELP and TYPE, and label
 * values are parsed with their escapes. Anything else fails the test.
 */
public final class PrometheusText {

    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** One metric family: its name, HELP and TYPE, and samples. */
    public record Family(String name, String help, String type, List<Sample> samples) {
    }

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    private PrometheusText() {
    }

    /** Parses {@code text}; throws AssertionError naming the line on anything the format does not allow. */
    public static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        Map<String, String> helps = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (i != lines.length - 1) {
                    throw new AssertionError("line " + (i + 1) + ": empty line inside the exposition");
                }
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                helps.put(m.group(1), m.group(2));
            } else if ((m = TYPE.matcher(line)).matches()) {
                String help = helps.get(m.group(1));
                if (help == null || help.isBlank()) {
                    throw new AssertionError("line " + (i + 1) + ": TYPE of " + m.group(1) + " without HELP before it");
                }
                p.families.put(m.group(1), new Family(m.group(1), help, m.group(2), new ArrayList<>()));
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                Family f = p.familyOf(m.group(1));
                if (f == null) {
                    throw new AssertionError("line " + (i + 1) + ": sample of no declared family: " + line);
                }
                f.samples().add(new Sample(m.group(1), labels(m.group(3), i + 1), value(m.group(4))));
            } else {
                throw new AssertionError("line " + (i + 1) + ": not HELP, TYPE or a sample: " + line);
            }
        }
        return p;
    }

    public Map<String, Family> families() {
        return families;
    }

    /** The family named {@code name}; fails when there is none. */
    public Family family(String name) {
        Family f = families.get(name);
        if (f == null) {
            throw new AssertionError("no family " + name + " in " + families.keySet());
        }
        return f;
    }

    /** The value of the sample named {@code name} whose labels include {@code labels} (pairs); fails unless one. */
    public double value(String name, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Family f : families.values()) {
            for (Sample s : f.samples()) {
                if (s.name().equals(name) && has(s.labels(), labels)) {
                    found.add(s);
                }
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples " + name + " with " + String.join(",", labels));
        }
        return found.get(0).value();
    }

    private static boolean has(Map<String, String> actual, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(actual.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }

    private Family familyOf(String sample) {
        for (String suffix : new String[] {"", "_bucket", "_count", "_sum"}) {
            if (sample.endsWith(suffix)) {
                Family f = families.get(sample.substring(0, sample.length() - suffix.length()));
                if (f != null && (suffix.isEmpty() || f.type().equals("histogram") || f.type().equals("summary"))) {
                    return f;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, int line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new AssertionError("line " + line + ": bad labels {" + text + "}");
            }
            labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            at = m.end();
        }
        return labels;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
