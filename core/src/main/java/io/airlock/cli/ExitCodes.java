package io.airlock.cli;

/** The exit codes every airlock command uses. */
public final class ExitCodes {

    /** Nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** At least one finding at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /** Unreadable input, or a usage error. */
    public static final int INPUT_OR_USAGE = 2;

    private ExitCodes() {
    }
}
