package io.airlock.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems (errors) and warnings of one load, capped so that a hostile file cannot flood the output. */
final class Problems {

    static final int MAX_PROBLEMS = 200;

    private static final Comparator<ConfigProblem> IN_FILE_ORDER =
            Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private boolean truncated;

    void error(int line, int column, String message) {
        if (errors.size() < MAX_PROBLEMS) {
            errors.add(new ConfigProblem(line, column, Text.oneLine(message)));
        } else if (!truncated) {
            truncated = true;
            errors.add(new ConfigProblem(line, column, "too many problems; stopping here"));
        }
    }

    void error(YamlNode at, String message) {
        error(at.line(), at.column(), message);
    }

    void warning(YamlNode at, String message) {
        if (warnings.size() < MAX_PROBLEMS) {
            warnings.add(new ConfigProblem(at.line(), at.column(), Text.oneLine(message)));
        }
    }

    boolean any() {
        return !errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    /** The errors in file order (the "too many" note stays last). */
    List<ConfigProblem> errors() {
        return sorted(errors, truncated ? 1 : 0);
    }

    List<ConfigProblem> warnings() {
        return sorted(warnings, 0);
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> list, int keepLast) {
        List<ConfigProblem> out = new ArrayList<>(list.subList(0, list.size() - keepLast));
        out.sort(IN_FILE_ORDER);
        out.addAll(list.subList(list.size() - keepLast, list.size()));
        return List.copyOf(out);
    }
}
