package io.airlock.alert.syslog;

import java.util.Locale;

/** Syslog facilities (RFC 5424 §6.2.1), by the names syslog daemons use; the code is the ordinal. */
public enum Facility {
    KERN, USER, MAIL, DAEMON, AUTH, SYSLOG, LPR, NEWS, UUCP, CRON, AUTHPRIV, FTP, NTP, AUDIT, ALERT, CLOCK,
    LOCAL0, LOCAL1, LOCAL2, LOCAL3, LOCAL4, LOCAL5, LOCAL6, LOCAL7;

    /** The numerical code, 0-23. */
    public int code() {
        return ordinal();
    }

    /** The lower-case name, e.g. "local4". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The facility named {@code text} (case-insensitive), or null. */
    public static Facility byName(String text) {
        for (Facility f : values()) {
            if (f.label().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        return null;
    }
}
