package io.airlock.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlock.alert.syslog.SyslogCollector;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import io.airlock.testdata.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock run} with {@code alerts:}: the findings on a Hikvision-like camera reach the JSON lines file and a
 * TCP syslog collector, all written by the time the command returns, and neither carries a secret.
 */
class AlertsEndToEndTest {

    private static final String CAMERA_PASSWORD = "Cam-Pa55word-alerts-91c2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void shouldWriteFindingsToTheFileAndSyslogBeforeRunReturns() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 SyslogCollector collector = new SyslogCollector(0, null)) {
                Files.writeString(tmp.resolve("camera-password"), CAMERA_PASSWORD + "\n");
                Path config = tmp.resolve("airlock.yaml");
                Files.writeString(config, E2eHarness.yaml(E2eHarness.freePort(), sim.urls().get(0), "tcp")
                        .replace("    transport: tcp\n", "    transport: tcp\n    username: admin\n"
                                + "    password: {file: camera-password}\n")
                        + "alerts:\n"
                        + "  file: {path: log/alerts.jsonl, max_bytes: 64KiB, keep: 2}\n"
                        + "  syslog: {host: 127.0.0.1, port: " + collector.port() + ", transport: tcp}\n");

                CliRun run = CliRun.of("run", "--config", config.toString(), "--duration", "5");

                assertThat(run.exit()).as("exit; stderr: %s", run.err()).isZero();
                String file = Files.readString(tmp.resolve("log/alerts.jsonl"), StandardCharsets.UTF_8);
                assertThat(file).endsWith("\n").doesNotContain(CAMERA_PASSWORD);
                Set<String> fileRules = new TreeSet<>();
                for (String line : file.split("\n")) {
                    JsonNode alert = JSON.readTree(line);
                    assertThat(alert.get("event_type").asText()).isEqualTo("alert");
                    fileRules.add(alert.get("rule").asText());
                }
                assertThat(fileRules).contains("MED-02");

                List<String> messages = new ArrayList<>();
                for (byte[] m = collector.next(5); m != null; m = collector.next(1)) {
                    messages.add(new String(m, StandardCharsets.UTF_8));
                }
                Set<String> syslogRules = new TreeSet<>();
                for (String m : messages) {
                    assertThat(m).startsWith("<").doesNotContain(CAMERA_PASSWORD);
                    syslogRules.add(m.split(" ")[5]);
                }
                assertThat(syslogRules).isEqualTo(fileRules);
                assertThat(run.out() + run.err()).doesNotContain(CAMERA_PASSWORD);
            }
        });
    }
}
