package io.airlock.testdata;

import io.airlock.cli.AirlockCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@link AirlockCommand#execute} with System.out and System.err captured, then restores them.
 *
 * @param exit the exit code
 * @param out  what went to standard output
 * @param err  what went to standard error
 */
public record CliRun(int exit, String out, String err) {

    private static final Object LOCK = new Object();

    /** Runs the command line {@code args}; serialised because System.out/err are global. */
    public static CliRun of(String... args) {
        synchronized (LOCK) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                exit = AirlockCommand.execute(args);
            } finally {
                System.out.flush();
                System.err.flush();
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8),
                    withoutJazzerNotes(err.toString(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Drops the "INFO: Instrumented ..." lines the Jazzer agent (loaded by the fuzz tests in the same JVM) prints to
     * System.err when it instruments a class lazily: they are the test harness's, not Airlock's.
     */
    private static String withoutJazzerNotes(String err) {
        return err.replaceAll("(?m)^INFO: Instrumented .*\\R?", "");
    }

    /** The non-blank lines of standard error. */
    public List<String> errLines() {
        return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    /** The non-blank lines of standard output. */
    public List<String> outLines() {
        return Arrays.stream(out.split("\\R")).filter(l -> !l.isBlank()).toList();
    }
}
