package io.airlock.config;

import java.time.Duration;

/** Durations as written in the file: a whole number and a unit, {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
final class Durations {

    private static final int MAX_DIGITS = 9;

    private Durations() {
    }

    /** The duration, or null when {@code text} is not digits followed by ms, s, m or h. */
    static Duration parse(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > MAX_DIGITS) {
            return null;
        }
        long n = Long.parseLong(text.substring(0, i));
        switch (text.substring(i)) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return null;
        }
    }

    /** The shortest spelling {@link #parse} reads back: "250ms", "5s", "2m", "1h". */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
