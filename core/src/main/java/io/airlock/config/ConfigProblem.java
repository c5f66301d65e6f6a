package io.airlock.config;

/**
 * One thing wrong with a configuration file, at a 1-based line and column (0:0 when it concerns the whole file).
 * The message never contains a secret.
 *
 * @param line    1-based line, or 0
 * @param column  1-based column, or 0
 * @param message one line saying what is wrong and, where it helps, how to fix it
 */
public record ConfigProblem(int line, int column, String message) {

    /** {@code FILE:LINE:COLUMN: message}, the format compilers use and editors understand. */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
