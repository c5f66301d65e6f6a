package io.airlock.cli;

import io.airlock.alert.Severity;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses {@code --fail-on}: a severity, or "never". */
final class Thresholds {

    private Thresholds() {
    }

    /** The severity, or null for "never". */
    static Severity parse(CommandSpec spec, String text) {
        if ("never".equalsIgnoreCase(text.trim())) {
            return null;
        }
        Severity s = Severity.parse(text);
        if (s == null) {
            throw new ParameterException(spec.commandLine(),
                    "--fail-on must be info, low, medium, high or never, not '" + text + "'");
        }
        return s;
    }
}
