package io.airlock.config;

import static io.airlock.config.ConfigLoaderTest.CAMERAS;
import static io.airlock.config.ConfigLoaderTest.RECORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.JsonLinesSettings;
import io.airlock.alert.syslog.Facility;
import io.airlock.alert.syslog.SyslogSettings;
import io.airlock.alert.syslog.SyslogTransport;
import io.airlock.alert.syslog.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alerts:} section: defaults, the documented shape, and each problem at its line and column. */
class AlertsConfigTest {

    /** Lines 1-7 are the camera and recorder; alerts start on line 8. */
    private static final String BASE = CAMERAS + RECORDERS;

    @TempDir
    static Path dir;
    static Path ca;

    @BeforeAll
    static void makeCa() throws Exception {
        ca = TestCertificates.get("localhost", "dns:localhost,ip:127.0.0.1").caPem();
    }

    private static AlertsConfig alerts(String yaml) {
        ConfigResult r = ConfigLoaderTest.parse(BASE + yaml);
        assertThat(r.problems()).isEmpty();
        return r.config().alerts();
    }

    @Test
    void shouldHaveNoSinksWithoutTheSection() {
        assertThat(alerts("")).isEqualTo(AlertsConfig.NONE);
        assertThat(alerts("alerts:\n")).isEqualTo(AlertsConfig.NONE);
    }

    @Test
    void shouldApplyDefaults() {
        AlertsConfig a = alerts("""
                alerts:
                  file: {path: /var/log/airlock/alerts.jsonl}
                  syslog: {host: 10.0.0.5}
                """);
        assertThat(a.file()).isEqualTo(JsonLinesSettings.at(Path.of("/var/log/airlock/alerts.jsonl")));
        assertThat(a.file().maxBytes()).isEqualTo(64L << 20);
        assertThat(a.syslog()).isEqualTo(new SyslogSettings("10.0.0.5", 514, SyslogTransport.UDP, null,
                Facility.LOCAL4, 4096, "airlock@32473", 2048));
    }

    @Test
    void shouldReadTheDocumentedShape() {
        AlertsConfig a = alerts("""
                alerts:
                  file: {path: /var/log/airlock/alerts.jsonl, max_bytes: 16MiB, keep: 3, queue: 1024}
                  syslog: {host: siem.example.org, port: 6514, transport: tls, ca_file: %s, facility: local2,
                           queue: 512, sd_id: airlock@99999, max_message: 4096}
                """.formatted(ca));
        assertThat(a.file()).isEqualTo(new JsonLinesSettings(Path.of("/var/log/airlock/alerts.jsonl"), 16L << 20, 3,
                1024));
        assertThat(a.syslog()).isEqualTo(new SyslogSettings("siem.example.org", 6514, SyslogTransport.TLS, ca,
                Facility.LOCAL2, 512, "airlock@99999", 4096));
        assertThat(a.describe()).isEqualTo("alerts to /var/log/airlock/alerts.jsonl and syslog"
                + " tls://siem.example.org:6514");
    }

    @Test
    void shouldDefaultThePortAndMessageBoundByTransport() {
        assertThat(alerts("alerts: {syslog: {host: fd00::5, transport: TLS}}").syslog())
                .extracting(SyslogSettings::port, SyslogSettings::maxMessageBytes).containsExactly(6514, 8192);
        assertThat(alerts("alerts: {syslog: {host: siem, transport: tcp}}").syslog().port()).isEqualTo(514);
    }

    @Test
    void shouldResolveARelativePathAgainstTheConfigurationFile() throws Exception {
        Path file = dir.resolve("airlock.yaml");
        Files.writeString(file, BASE + "alerts:\n  file: {path: log/alerts.jsonl}\n");
        ConfigResult r = ConfigLoader.load(file, Map.<String, String>of()::get);
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().alerts().file().path()).isEqualTo(dir.resolve("log/alerts.jsonl"));
        assertThat(r.describe()).endsWith("; alerts to " + dir.resolve("log/alerts.jsonl") + ".");
    }

    @Test
    void shouldReportFileProblemsWithLineAndColumn() {
        assertThat(ConfigLoaderTest.problems(BASE + """
                alerts:
                  file:
                    path: alerts.jsonl
                    max_byte: 1MiB
                    max_bytes: 64MB
                    keep: 0
                    queue: 8
                  sink: x
                """)).containsExactly(
                "10:11: 'path' must be an absolute path here, found 'alerts.jsonl'",
                "11:5: unknown key 'max_byte' in alerts.file (did you mean 'max_bytes'?)",
                "12:16: 'max_bytes' must be a size such as 64MiB, 512KiB or 1048576 (bytes), found '64MB'",
                "13:11: 'keep' must be a whole number from 1 to 100, found '0'",
                "14:12: 'queue' must be a whole number from 16 to 1048576, found '8'",
                "15:3: unknown key 'sink' in alerts");
    }

    @Test
    void shouldReportSizesOutOfRangeAndMissingOrDirectoryPaths() {
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {file: {path: /tmp/a.jsonl, max_bytes: 1KiB}}"))
                .containsExactly("8:48: 'max_bytes' must be from 64KiB to 1024GiB, found 1KiB");
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {file: {keep: 2}}"))
                .containsExactly("8:16: alerts.file needs 'path'");
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {file: {path: " + dir + "}}"))
                .containsExactly("8:23: 'path' in alerts.file is a directory; name the file, e.g. "
                        + dir.resolve("alerts.jsonl"));
    }

    @Test
    void shouldReportSyslogProblemsWithLineAndColumn() {
        assertThat(ConfigLoaderTest.problems(BASE + """
                alerts:
                  syslog:
                    host: bad host!
                    port: 70000
                    transport: sctp
                    facility: local9
                    sd_id: airlock
                    max_message: 100
                """)).containsExactly(
                "10:11: 'host' in alerts.syslog must be a host name or IP address such as siem.example.org or"
                        + " 10.0.0.5, found 'bad host!'",
                "11:11: 'port' must be a whole number from 1 to 65535, found '70000'",
                "12:16: 'transport' in alerts.syslog must be udp, tcp or tls, found 'sctp'",
                "13:15: 'facility' in alerts.syslog must be a syslog facility such as local0 to local7, user or"
                        + " daemon, found 'local9' (did you mean 'local0'?)",
                "14:12: 'sd_id' in alerts.syslog must be NAME@ENTERPRISE-NUMBER, at most 32 printable characters"
                        + " without spaces, '=', ']' or '\"', e.g. airlock@32473; found 'airlock'",
                "15:18: 'max_message' must be a whole number from 480 to 65000, found '100'");
    }

    @Test
    void shouldReportCaFileProblems() throws Exception {
        Path notPem = dir.resolve("not.pem");
        Files.writeString(notPem, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {syslog: {host: h, ca_file: " + ca + "}}"))
                .containsExactly("8:37: 'ca_file' in alerts.syslog applies only to transport tls");
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {syslog: {host: h, transport: tls, ca_file: /nope.pem}}"))
                .containsExactly("8:53: CA file /nope.pem does not exist");
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {syslog: {host: h, transport: tls, ca_file: " + notPem
                + "}}")).containsExactly("8:53: CA file " + notPem + " holds no readable PEM certificate");
        assertThat(ConfigLoaderTest.problems(BASE + "alerts: {syslog: {transport: tls}}"))
                .containsExactly("8:18: alerts.syslog needs 'host'");
    }
}
