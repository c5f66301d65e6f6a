package io.airlock.alert;

import java.util.Locale;

/** How urgent a finding is. Ordered: a threshold compares with {@link #atLeast(Severity)}. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH;

    /** The lower-case name used in output and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Parses {@code info|low|medium|high}, case-insensitive; null when it is none of them. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
