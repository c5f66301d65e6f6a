package io.airlock.config;

import io.airlock.alert.JsonLinesSettings;
import io.airlock.alert.syslog.Facility;
import io.airlock.alert.syslog.SyslogSettings;
import io.airlock.alert.syslog.SyslogTransport;
import io.airlock.alert.syslog.TlsTrust;
import io.netty.util.NetUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code alerts:} into an {@link AlertsConfig}: the JSON lines file and the syslog collector. */
final class AlertsBinder {

    static final long MIN_FILE_BYTES = 64L * 1024;
    static final long MAX_FILE_BYTES = 1024L * 1024 * 1024 * 1024;
    static final int MAX_KEEP = 100;
    static final int MIN_QUEUE = 16;
    static final int MAX_QUEUE = 1 << 20;

    private static final List<String> KEYS = List.of("file", "syslog");
    private static final List<String> FILE_KEYS = List.of("path", "max_bytes", "keep", "queue");
    private static final List<String> SYSLOG_KEYS = List.of("host", "port", "transport", "ca_file", "facility",
            "queue", "sd_id", "max_message");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final Path baseDir;
    private final Problems problems;

    private AlertsBinder(Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The section; relative paths resolve against {@code baseDir} (null: only absolute paths). */
    static AlertsConfig bind(YamlNode node, Path baseDir, Problems problems) {
        if (!present(node)) {
            return AlertsConfig.NONE;
        }
        AlertsBinder b = new AlertsBinder(baseDir, problems);
        Fields f = Fields.of(node, "alerts", KEYS, problems);
        JsonLinesSettings file = present(f.node("file")) ? b.file(f.node("file")) : null;
        SyslogSettings syslog = present(f.node("syslog")) ? b.syslog(f.node("syslog")) : null;
        return new AlertsConfig(file, syslog);
    }

    /** Whether a section is there: {@code alerts:} or {@code file:} with nothing after it is not. */
    private static boolean present(YamlNode n) {
        return n != null && !(n instanceof YamlNode.Scalar s && !s.alias() && (s.empty() || s.text().isBlank()));
    }

    private JsonLinesSettings file(YamlNode node) {
        Fields f = Fields.of(node, "alerts.file", FILE_KEYS, problems);
        Path path = path(f, "path", true);
        if (path != null && Files.isDirectory(path)) {
            problems.error(f.node("path"), "'path' in alerts.file is a directory; name the file, e.g. "
                    + path.resolve("alerts.jsonl"));
            path = null;
        }
        long maxBytes = size(f, "max_bytes", JsonLinesSettings.DEFAULT_MAX_BYTES);
        int keep = f.integer("keep", JsonLinesSettings.DEFAULT_KEEP, 1, MAX_KEEP);
        int queue = f.integer("queue", JsonLinesSettings.DEFAULT_QUEUE, MIN_QUEUE, MAX_QUEUE);
        return path == null ? null : new JsonLinesSettings(path, maxBytes, keep, queue);
    }

    private SyslogSettings syslog(YamlNode node) {
        Fields f = Fields.of(node, "alerts.syslog", SYSLOG_KEYS, problems);
        String host = f.text("host", true);
        if (host != null && !NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)
                && !HOST_NAME.matcher(host).matches()) {
            problems.error(f.node("host"), "'host' in alerts.syslog must be a host name or IP address such as"
                    + " siem.example.org or 10.0.0.5, found '" + Text.safe(host) + "'");
            host = null;
        }
        SyslogTransport transport = SyslogTransport.UDP;
        String t = f.text("transport", false);
        if (t != null) {
            transport = SyslogTransport.byName(t);
            if (transport == null) {
                problems.error(f.node("transport"), "'transport' in alerts.syslog must be udp, tcp or tls, found '"
                        + Text.safe(t) + "'");
                transport = SyslogTransport.UDP;
            }
        }
        int port = f.integer("port", transport.defaultPort(), 1, 65535);
        Path ca = caFile(f, transport);
        Facility facility = facility(f);
        int queue = f.integer("queue", SyslogSettings.DEFAULT_QUEUE, MIN_QUEUE, MAX_QUEUE);
        String sdId = f.text("sd_id", false);
        if (sdId == null) {
            sdId = SyslogSettings.DEFAULT_SD_ID;
        } else if (!SyslogSettings.SD_ID.matcher(sdId).matches()) {
            problems.error(f.node("sd_id"), "'sd_id' in alerts.syslog must be NAME@ENTERPRISE-NUMBER, at most 32"
                    + " printable characters without spaces, '=', ']' or '\"', e.g. airlock@32473; found '"
                    + Text.safe(sdId) + "'");
            sdId = SyslogSettings.DEFAULT_SD_ID;
        }
        int max = f.integer("max_message", SyslogSettings.defaultMessageBytes(transport),
                SyslogSettings.MIN_MESSAGE_BYTES, SyslogSettings.MAX_MESSAGE_BYTES);
        if (host == null || (ca == null && f.node("ca_file") != null)) {
            return null;
        }
        return new SyslogSettings(host, port, transport, ca, facility, queue, sdId, max);
    }

    private Path caFile(Fields f, SyslogTransport transport) {
        if (f.node("ca_file") == null) {
            return null;
        }
        if (transport != SyslogTransport.TLS) {
            problems.error(f.node("ca_file"), "'ca_file' in alerts.syslog applies only to transport tls");
            return null;
        }
        Path ca = path(f, "ca_file", false);
        if (ca == null) {
            return null;
        }
        String prefix = "CA file " + Text.safe(f.text("ca_file", false)) + " ";
        if (!Files.isRegularFile(ca)) {
            problems.error(f.node("ca_file"), prefix + (Files.exists(ca) ? "is not a regular file" : "does not exist"));
            return null;
        }
        try {
            TlsTrust.certificates(ca);
            return ca;
        } catch (NoSuchFileException e) {
            problems.error(f.node("ca_file"), prefix + "does not exist");
        } catch (IOException | SecurityException e) {
            problems.error(f.node("ca_file"), prefix + (e.getClass() == IOException.class ? e.getMessage()
                    : "cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        return null;
    }

    private Facility facility(Fields f) {
        String text = f.text("facility", false);
        if (text == null) {
            return SyslogSettings.DEFAULT_FACILITY;
        }
        Facility facility = Facility.byName(text);
        if (facility == null) {
            List<String> names = new ArrayList<>();
            for (Facility each : Facility.values()) {
                names.add(each.label());
            }
            problems.error(f.node("facility"), "'facility' in alerts.syslog must be a syslog facility such as local0"
                    + " to local7, user or daemon, found '" + Text.safe(text) + "'"
                    + Suggestions.didYouMean(text, names));
            return SyslogSettings.DEFAULT_FACILITY;
        }
        return facility;
    }

    private Path path(Fields f, String key, boolean required) {
        String text = f.text(key, required);
        if (text == null) {
            return null;
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            problems.error(f.node(key), "'" + Text.safe(text) + "' is not a file path");
            return null;
        }
        if (!path.isAbsolute()) {
            if (baseDir == null) {
                problems.error(f.node(key), "'" + key + "' must be an absolute path here, found '" + Text.safe(text)
                        + "'");
                return null;
            }
            path = baseDir.resolve(path);
        }
        return path.normalize();
    }

    private long size(Fields f, String key, long fallback) {
        String text = f.text(key, false);
        if (text == null) {
            return fallback;
        }
        long size = Sizes.parse(text);
        if (size < 0) {
            problems.error(f.node(key), "'" + key + "' must be a size such as 64MiB, 512KiB or 1048576 (bytes),"
                    + " found '" + Text.safe(text) + "'");
            return fallback;
        }
        if (size < MIN_FILE_BYTES || size > MAX_FILE_BYTES) {
            problems.error(f.node(key), "'" + key + "' must be from " + Sizes.format(MIN_FILE_BYTES) + " to "
                    + Sizes.format(MAX_FILE_BYTES) + ", found " + text);
            return fallback;
        }
        return size;
    }
}
