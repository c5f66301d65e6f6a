package io.airlock.cli;

import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigProblem;
import io.airlock.config.ConfigResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code airlock validate --config FILE}: checks an appliance configuration and reports every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Check an appliance configuration (airlock.yaml) without starting anything.",
            "",
            "Every problem is reported, not just the first: one per line on stderr as",
            "FILE:LINE:COLUMN: message, the format editors and CI annotate. Unknown keys",
            "are errors, with a suggestion when one is close. Secrets given as",
            "{env: NAME} or {file: PATH} are resolved, so an unset variable or an",
            "unreadable file is reported too; secret values are never printed.",
            "A valid file prints a one-paragraph summary on stdout.",
            ""
        },
        footer = {
            "",
            "Example:",
            "  $ airlock validate --config airlock.yaml",
            "  airlock.yaml:12:5: unknown key 'pasword' in camera 'lobby'",
            "    (did you mean 'password'?)",
            "  airlock.yaml:14:18: camera 'lobby' names recorder 'nvr2', which is not",
            "    defined under 'recorders'",
            "  airlock.yaml:21:7: environment variable BACKUP_PASSWORD is not set",
            "  3 problems",
            "  $ echo $?",
            "  2",
            "",
            "A commented example of every key: docs/airlock.example.yaml.",
            "Exit codes: 0 valid (warnings, e.g. a password written in the file, are",
            "printed but allowed), 2 problems, unreadable file or usage error."
        })
final class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The configuration file to check.")
    Path config;

    @Override
    public Integer call() {
        ConfigResult result = ConfigLoader.load(config);
        PrintStream out = System.out;
        PrintStream err = System.err;
        String file = result.source();
        for (ConfigProblem w : result.warnings()) {
            err.println(file + ":" + w.line() + ":" + w.column() + ": warning: " + w.message());
        }
        if (!result.ok()) {
            err.println(result.describe());
            return ExitCodes.INPUT_OR_USAGE;
        }
        out.println(file + ": " + result.describe());
        return ExitCodes.OK;
    }
}
