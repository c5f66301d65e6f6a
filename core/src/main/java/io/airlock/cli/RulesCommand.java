package io.airlock.cli;

import io.airlock.alert.Rule;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code airlock rules}: the detection rules, their severity and what triggers them. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the detection rules: id, default severity, title and trigger. Details: docs/rules.md.")
final class RulesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Rule r : Rule.values()) {
            System.out.printf("%-8s %-7s %s%n         %s%n", r.id(), r.severity().label(), r.title(), r.trigger());
        }
        return ExitCodes.OK;
    }
}
