package io.airlock.alert.syslog;

import io.airlock.alert.Finding;
import io.airlock.alert.QueuedSink;
import io.airlock.alert.SinkWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Findings to a syslog collector as RFC 5424 messages ({@link Rfc5424Formatter}) over UDP, TCP or TLS.
 *
 * <p>{@link #onFinding} only queues: a sender thread of its own formats, connects and sends, so an inspector never
 * waits on the network. When the queue is full the finding is dropped and counted. When the collector cannot be
 * reached the sender retries the same message with backoff (1 s doubling to 30 s), reconnecting as needed, and logs
 * once that it is failing and once that it works again.
 */
public final class SyslogSink extends QueuedSink {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogSink.class);

    private final Connection connection;

    /** @throws IOException when the CA file of a TLS transport cannot be used */
    public SyslogSink(SyslogSettings settings) throws IOException {
        this(settings, SinkWorker.MIN_BACKOFF, SinkWorker.MAX_BACKOFF);
    }

    SyslogSink(SyslogSettings settings, Duration minBackoff, Duration maxBackoff) throws IOException {
        this(settings, connection(settings), minBackoff, maxBackoff);
    }

    private SyslogSink(SyslogSettings settings, Connection connection, Duration minBackoff, Duration maxBackoff) {
        super(new SinkWorker("syslog " + settings.describe(), settings.queue(), new Messages(settings, connection),
                LOG, minBackoff, maxBackoff));
        this.connection = connection;
    }

    private static Connection connection(SyslogSettings settings) throws IOException {
        switch (settings.transport()) {
            case UDP:
                return new DatagramConnection(settings.host(), settings.port());
            case TCP:
                return new StreamConnection(settings.host(), settings.port(), null);
            default:
                try {
                    return new StreamConnection(settings.host(), settings.port(), TlsTrust.context(settings.caFile()));
                } catch (IOException e) {
                    throw new IOException("syslog " + settings.describe() + ": CA file " + settings.caFile() + " "
                            + e.getMessage(), e);
                }
        }
    }

    /** Messages handed to the socket. */
    public long sent() {
        return delivered();
    }

    /** Connections made after the first. */
    public long reconnects() {
        return Math.max(0, connection.connects() - 1);
    }

    /** Formats on the sender thread, where the host name lookup may take its time. */
    private static final class Messages implements SinkWorker.Output {

        private final SyslogSettings settings;
        private final Connection connection;
        private Rfc5424Formatter formatter;

        Messages(SyslogSettings settings, Connection connection) {
            this.settings = settings;
            this.connection = connection;
        }

        @Override
        public void start() throws IOException {
            formatter();
            connection.open();
        }

        private Rfc5424Formatter formatter() {
            if (formatter == null) {
                formatter = new Rfc5424Formatter(settings.facility(), settings.sdId(), LocalHost.name(),
                        ProcessHandle.current().pid(), settings.maxMessageBytes());
            }
            return formatter;
        }

        @Override
        public void write(Finding finding) throws IOException {
            connection.send(formatter().format(finding, System.currentTimeMillis() * 1_000_000L));
        }

        @Override
        public void sync() throws IOException {
            connection.flush();
        }

        @Override
        public void abort() {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Aborting: the worker counts what is lost.
            }
        }

        @Override
        public void close() throws IOException {
            try {
                connection.flush();
            } finally {
                connection.close();
            }
        }
    }
}
