package io.airlock.cli;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.JsonLinesSink;
import io.airlock.alert.QueuedSink;
import io.airlock.alert.syslog.SyslogSink;
import io.airlock.config.AlertsConfig;
import io.airlock.metrics.SinkMetrics;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The console plus the sinks {@code alerts:} configures, as the one sink a live command hands its findings to.
 * Closing writes out and closes the file and syslog sinks before the process acknowledges its shutdown, and says
 * what could not be delivered.
 */
final class AlertSinks implements FindingSink, AutoCloseable {

    private final FindingSink console;
    private final JsonLinesSink file;
    private final SyslogSink syslog;
    private final PrintStream log;

    private AlertSinks(FindingSink console, JsonLinesSink file, SyslogSink syslog, PrintStream log) {
        this.console = console;
        this.file = file;
        this.syslog = syslog;
        this.log = log;
    }

    /**
     * Starts the configured sinks.
     *
     * @throws IOException when the syslog CA file can no longer be used
     */
    static AlertSinks open(AlertsConfig config, FindingSink console, PrintStream log) throws IOException {
        SyslogSink syslog = config.syslog() == null ? null : new SyslogSink(config.syslog());
        JsonLinesSink file = config.file() == null ? null : new JsonLinesSink(config.file());
        return new AlertSinks(console, file, syslog, log);
    }

    @Override
    public void onFinding(Finding finding) {
        console.onFinding(finding);
        if (file != null) {
            file.onFinding(finding);
        }
        if (syslog != null) {
            syslog.onFinding(finding);
        }
    }

    /** The configured sinks' counters, for the metrics: one per sink. */
    List<SinkMetrics> metrics() {
        List<SinkMetrics> out = new ArrayList<>(2);
        if (file != null) {
            out.add(counters("file", file, file::written));
        }
        if (syslog != null) {
            out.add(counters("syslog", syslog, syslog::sent));
        }
        return out;
    }

    private static SinkMetrics counters(String name, QueuedSink sink, LongSupplier delivered) {
        return new SinkMetrics() {
            @Override
            public String sink() {
                return name;
            }

            @Override
            public long delivered() {
                return delivered.getAsLong();
            }

            @Override
            public long dropped() {
                return sink.dropped();
            }

            @Override
            public long errors() {
                return sink.errors();
            }
        };
    }

    /** The JSON lines sink, or null; its counters are for metrics. */
    JsonLinesSink file() {
        return file;
    }

    /** The syslog sink, or null; its counters are for metrics. */
    SyslogSink syslog() {
        return syslog;
    }

    /**
     * Writes out what is queued and closes the file and syslog sinks, each within {@link QueuedSink#CLOSE_TIMEOUT}.
     *
     * @return what they delivered, e.g. "alerts file: 12 written; syslog: 12 sent", or null with neither
     */
    String stop() {
        List<String> said = new ArrayList<>(2);
        if (file != null) {
            boolean complete = file.close(QueuedSink.CLOSE_TIMEOUT);
            said.add("alerts file: " + file.written() + " written");
            if (!complete || file.errors() > 0) {
                log.println("airlock: alerts file: " + file.written() + " written, " + file.dropped()
                        + " not written, " + file.errors() + " write errors");
            }
        }
        if (syslog != null) {
            boolean complete = syslog.close(QueuedSink.CLOSE_TIMEOUT);
            said.add("syslog: " + syslog.sent() + " sent");
            if (!complete || syslog.errors() > 0) {
                log.println("airlock: syslog: " + syslog.sent() + " sent, " + syslog.dropped() + " not sent, "
                        + syslog.errors() + " errors, " + syslog.reconnects() + " reconnects");
            }
        }
        return said.isEmpty() ? null : String.join("; ", said);
    }

    @Override
    public void close() {
        stop();
    }
}
