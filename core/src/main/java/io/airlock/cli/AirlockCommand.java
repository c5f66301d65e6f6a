package io.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code airlock} command. Exit codes: 0 success, 1 findings at or above the threshold, 2 unreadable input or a
 * usage error. Errors are one line on stderr, never a stack trace.
 */
@Command(name = "airlock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Airlock sits between untrusted IP cameras and your recorders, and inspects what the cameras send:",
            "covert metadata in the video (SEI, private NAL units, vendor framing) and traffic to anywhere but the",
            "recorder.",
            ""
        },
        subcommands = {DemoCommand.class, RunCommand.class, WatchCommand.class, InspectCommand.class,
            ValidateCommand.class, CameraSimCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  airlock demo                           a simulated camera behind Airlock, and a URL to open",
            "  airlock run --config airlock.yaml      run inline between cameras and recorders",
            "  airlock validate --config airlock.yaml check a configuration, with line and column",
            "  airlock watch -i eth1                  report every flow a camera opens on eth1",
            "  airlock inspect capture.pcap           inspect a recorded camera session",
            "  airlock inspect --json *.h264 > out.json",
            "  airlock rules                          list the detection rules",
            "  airlock help inspect                   options of a command",
            "",
            "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 unreadable input or usage error."
        })
public final class AirlockCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new AirlockCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("airlock: " + OneLine.of(ex));
            return ExitCodes.INPUT_OR_USAGE;
        });
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            String command = failed.getCommandSpec().qualifiedName();
            failed.getErr().println("airlock: " + ex.getMessage().replace('\n', ' ')
                    + " (see '" + command + " --help')");
            return ExitCodes.INPUT_OR_USAGE;
        });
        cli.setExitCodeExceptionMapper(ex -> ExitCodes.INPUT_OR_USAGE);
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
