package io.airlock.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping of the file read against the keys it may hold: unknown keys (with a suggestion) and duplicate keys are
 * reported as soon as it is opened; the typed getters report wrong types and out-of-range values and return null
 * (or the default), so that reading goes on and every problem is found in one pass.
 */
final class Fields {

    private final String what;
    private final YamlNode at;
    private final Map<String, YamlNode> values = new HashMap<>();
    private final Problems problems;

    private Fields(String what, YamlNode at, Problems problems) {
        this.what = what;
        this.at = at;
        this.problems = problems;
    }

    /** Opens {@code node} as the mapping {@code what} ("camera 'front'", "limits") with the keys {@code known}. */
    static Fields of(YamlNode node, String what, List<String> known, Problems problems) {
        Fields f = new Fields(what, node, problems);
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.error(node, what + " must be a mapping of keys to values, found " + node.kind());
            return f;
        }
        for (YamlNode.Entry e : m.entries()) {
            String key = e.key().text();
            if (!known.contains(key)) {
                problems.error(e.key(), "unknown key '" + Text.safe(key) + "' in " + what
                        + Suggestions.didYouMean(key, known));
            } else if (f.values.containsKey(key)) {
                problems.error(e.key(), "duplicate key '" + key + "' in " + what + " (first at line "
                        + f.values.get(key).line() + ")");
            } else {
                f.values.put(key, e.value());
            }
        }
        return f;
    }

    /** Whether the node was a mapping; when not, that one problem is reported and missing keys are not. */
    boolean mapping() {
        return at instanceof YamlNode.Mapping;
    }

    /** Where the mapping starts, for problems about missing keys. */
    YamlNode at() {
        return at;
    }

    /** The value of {@code key}, or null when absent. */
    YamlNode node(String key) {
        return values.get(key);
    }

    /** The text of a single-value key; null when absent or empty (and a problem when {@code required}). */
    String text(String key, boolean required) {
        YamlNode n = values.get(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.empty()) {
            if (required && mapping()) {
                problems.error(n == null ? at : n, what + " needs '" + key + "'");
            }
            return null;
        }
        if (!(n instanceof YamlNode.Scalar s)) {
            problems.error(n, "'" + key + "' in " + what + " must be a single value, found " + n.kind());
            return null;
        }
        if (s.alias()) {
            problems.error(n, "YAML aliases (*name) are not supported; write the value out");
            return null;
        }
        return s.text().trim();
    }

    /** A whole number in [min, max], or {@code fallback} when absent or wrong (then with a problem). */
    int integer(String key, int fallback, int min, int max) {
        String t = text(key, false);
        if (t == null) {
            return fallback;
        }
        long v = !t.isEmpty() && t.length() <= 10 && t.chars().allMatch(Character::isDigit) ? Long.parseLong(t) : -1;
        if (v < min || v > max) {
            problems.error(values.get(key), "'" + key + "' must be a whole number from " + min + " to " + max
                    + ", found '" + Text.safe(t) + "'");
            return fallback;
        }
        return (int) v;
    }

    /** A duration in [min, max], or {@code fallback} when absent or wrong (then with a problem). */
    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String t = text(key, false);
        if (t == null) {
            return fallback;
        }
        Duration d = Durations.parse(t);
        if (d == null) {
            problems.error(values.get(key), "'" + key + "' must be a duration such as 250ms, 5s, 2m or 1h, found '"
                    + Text.safe(t) + "'");
            return fallback;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problems.error(values.get(key), "'" + key + "' must be from " + Durations.format(min) + " to "
                    + Durations.format(max) + ", found " + t);
            return fallback;
        }
        return d;
    }

    /** The items of a list key (a single value counts as a one-item list); empty when absent or wrong. */
    List<YamlNode> list(String key, int maxItems) {
        YamlNode n = values.get(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.empty()) {
            return List.of();
        }
        if (n instanceof YamlNode.Scalar) {
            return List.of(n);
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            problems.error(n, "'" + key + "' in " + what + " must be a list, found " + n.kind());
            return List.of();
        }
        if (seq.items().size() > maxItems) {
            problems.error(n, "'" + key + "' in " + what + " has more than " + maxItems + " items");
            return new ArrayList<>(seq.items().subList(0, maxItems));
        }
        return seq.items();
    }

    /** The text of a list item, or null (with a problem) when it is not a single non-empty value. */
    String itemText(YamlNode item, String key) {
        if (item instanceof YamlNode.Scalar s && !s.empty() && !s.alias()) {
            return s.text().trim();
        }
        problems.error(item, "each item of '" + key + "' in " + what + " must be a single value, found "
                + item.kind());
        return null;
    }
}
