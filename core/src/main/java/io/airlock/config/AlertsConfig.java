package io.airlock.config;

import io.airlock.alert.JsonLinesSettings;
import io.airlock.alert.syslog.SyslogSettings;

/**
 * Where findings go besides the console ({@code alerts:}).
 *
 * @param file   JSON lines file, or null
 * @param syslog syslog collector, or null
 */
public record AlertsConfig(JsonLinesSettings file, SyslogSettings syslog) {

    /** No {@code alerts:} section: the console only. */
    public static final AlertsConfig NONE = new AlertsConfig(null, null);

    /** "alerts to /var/log/airlock/alerts.jsonl and syslog tls://10.0.0.5:6514", or "" with neither. */
    public String describe() {
        if (file == null && syslog == null) {
            return "";
        }
        return "alerts to " + (file == null ? "" : file.path().toString()) + (file != null && syslog != null
                ? " and " : "") + (syslog == null ? "" : "syslog " + syslog.describe());
    }
}
