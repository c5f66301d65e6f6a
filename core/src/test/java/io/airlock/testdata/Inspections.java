package io.airlock.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.alert.Severity;
import io.airlock.inspect.InputException;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.OfflineInspection;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** Shared steps of the end-to-end tests: inspect a file offline and summarise its findings. */
public final class Inspections {

    private Inspections() {
    }

    /** Inspects {@code file} with a small ring and asserts that no pipeline stage failed internally. */
    public static InspectionResult inspect(Path file) throws InputException {
        InspectionResult r = new OfflineInspection(1024, "sleeping").inspect(file, FindingSink.NONE, p -> { });
        assertThat(r.internalErrors()).as("internal errors in %s: %s", file, r.firstInternalError()).isZero();
        return r;
    }

    /** Every rule that matched. */
    public static Set<Rule> rules(InspectionResult r) {
        Set<Rule> out = EnumSet.noneOf(Rule.class);
        for (Finding f : r.findings()) {
            out.add(f.rule());
        }
        return out;
    }

    /** The rules that matched with medium severity or higher. */
    public static Set<Rule> atLeastMedium(InspectionResult r) {
        Set<Rule> out = EnumSet.noneOf(Rule.class);
        for (Finding f : r.findings()) {
            if (f.severity().atLeast(Severity.MEDIUM)) {
                out.add(f.rule());
            }
        }
        return out;
    }

    /** The first finding of {@code rule}; fails when there is none. */
    public static Finding finding(InspectionResult r, Rule rule) {
        for (Finding f : r.findings()) {
            if (f.rule() == rule) {
                return f;
            }
        }
        throw new AssertionError(rule + " not found in " + r.findings());
    }

    /** All evidence of every finding of {@code rule}, summary and details, as one string for containment checks. */
    public static String evidence(InspectionResult r, Rule rule) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            if (f.rule() == rule) {
                sb.append(f.summary()).append(" | ").append(f.details()).append(" | ").append(f.matchedHex())
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
