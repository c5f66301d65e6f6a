package io.airlock.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlock.cli.AirlockCommand;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import io.airlock.support.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code airlock run} as its own process, driven by signals as an operator (or systemd) drives it: SIGTERM stops it
 * cleanly with every finding in the alerts file, SIGHUP reloads the edited file without interrupting a recorder.
 */
class RunSignalsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A console finding line: {@code TIMESTAMP RULE [severity] stream: summary}. */
    private static final Pattern FINDING = Pattern.compile("(\\S+) ([A-Z]+-\\d{2}) \\[[a-z]+] .*?: (.*)");
    /** Beyond the 10 s stop bound: a JVM on a busy 2-core machine needs a moment to start its hooks and exit. */
    private static final long EXIT_SECONDS = 15;

    @TempDir
    Path tmp;

    /**
     * Through {@code env --default-signal=HUP}: a child inherits ignored signals, and a test run under nohup (as some
     * CI agents do) would otherwise start an airlock that, rightly, says it cannot reload on SIGHUP.
     */
    private static ChildProcess airlockRun(Path config) throws IOException {
        List<String> argv = new ArrayList<>(List.of("env", "--default-signal=HUP"));
        argv.addAll(ChildProcess.java(AirlockCommand.class, "run", "--config", config.toString()));
        return ChildProcess.start(new ProcessBuilder(argv));
    }

    private static String camera(String name, CameraSimulator sim) {
        return "  - name: " + name + "\n    url: " + sim.urls().get(0) + "\n    transport: tcp\n"
                + "    recorders: [local]\n";
    }

    private static final String RECORDERS = "recorders:\n  - name: local\n    addresses: [127.0.0.0/8]\n";

    private static void hangUp(ChildProcess airlock) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(airlock.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -HUP").isTrue();
    }

    @Test
    void shouldExitZeroOnSigtermWithEveryPrintedFindingInTheAlertsFile() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            SeenRequests seen = new SeenRequests();
            try (CameraSimulator sim = E2eHarness.camera(Vendor.HIKVISION, seen)) {
                int port = E2eHarness.freePort();
                Path config = tmp.resolve("airlock.yaml");
                Path alerts = tmp.resolve("alerts.jsonl");
                Files.writeString(config, E2eHarness.listen(port) + "cameras:\n" + camera("cam", sim) + RECORDERS
                        + "alerts:\n  file: {path: " + alerts + "}\n");
                try (ChildProcess airlock = airlockRun(config)) {
                    assertThat(airlock.awaitLine(l -> l.startsWith("serving "), 30)).as(airlock.transcript())
                            .isNotNull();
                    assertThat(airlock.awaitLine(l -> l.contains(" MED-02 ["), 30)).as(airlock.transcript())
                            .isNotNull();
                    assertThat(airlock.awaitError(": playing ", 30)).as(airlock.transcript()).isTrue();
                    try (RawRtspClient recorder = new RawRtspClient(port)) {
                        recorder.playInterleaved("rtsp://127.0.0.1:" + port + "/cam");
                        assertThat(recorder.frame()).isNotNull();

                        airlock.terminate();

                        assertThat(airlock.awaitExit(EXIT_SECONDS)).as(airlock.transcript()).isZero();
                        assertThat(recorder.closedByPeer()).as("recorder session closed").isTrue();
                    }
                    assertThat(seen.await("TEARDOWN", 3000)).as("camera requests: %s", seen).isTrue();
                    // The exit can overtake the reading of the child's last lines.
                    String stopped = airlock.awaitLine(l -> l.startsWith("stopped: "), 5);
                    assertThat(stopped).as(airlock.transcript()).isNotNull()
                            .contains("1 recorder session closed", "pipeline drained", "alerts file: ");
                    List<String> out = airlock.lines();
                    assertThat(out.get(out.size() - 1)).isEqualTo(stopped);
                    assertThat(airlock.errors()).doesNotContain("did not finish");
                    assertAllPrintedFindingsAreInTheFile(out, alerts);
                }
            }
        });
    }

    private static void assertAllPrintedFindingsAreInTheFile(List<String> out, Path alerts) throws IOException {
        String file = Files.readString(alerts, StandardCharsets.UTF_8);
        assertThat(file).endsWith("\n");
        Set<String> written = new HashSet<>();
        for (String line : file.split("\n")) {
            JsonNode alert = JSON.readTree(line);
            for (String field : List.of("timestamp", "event_type", "rule", "severity", "title", "summary", "src_ip",
                    "file", "count", "evidence")) {
                assertThat(alert.has(field)).as("field %s in %s", field, line).isTrue();
            }
            written.add(alert.get("timestamp").asText() + " " + alert.get("rule").asText() + " "
                    + alert.get("summary").asText());
        }
        List<String> printed = new ArrayList<>();
        for (String line : out) {
            Matcher m = FINDING.matcher(line);
            if (m.matches()) {
                printed.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        assertThat(printed).as("findings on stdout").isNotEmpty().anyMatch(f -> f.contains(" MED-02 "));
        assertThat(written).as("alerts file").containsAll(printed);
    }

    @Test
    void shouldReloadOnSighupRefusingABadFileAndKeepingTheRecorderStreaming() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (CameraSimulator first = E2eHarness.camera(0, Vendor.HIKVISION);
                 CameraSimulator second = E2eHarness.camera(0, Vendor.HIKVISION)) {
                int port = E2eHarness.freePort();
                String listen = E2eHarness.listen(port);
                Path config = tmp.resolve("airlock.yaml");
                Files.writeString(config, listen + "cameras:\n" + camera("first", first) + RECORDERS);
                try (ChildProcess airlock = airlockRun(config);
                     RawRtspClient recorder = new RawRtspClient(awaitServing(airlock, port))) {
                    recorder.playInterleaved("rtsp://127.0.0.1:" + port + "/first");
                    CompletableFuture<E2eHarness.Sequence> streaming = E2eHarness.async(() -> {
                        try {
                            return E2eHarness.Sequence.read(recorder, 12_000);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });

                    Files.writeString(config, listen + "cameras:\n" + camera("first", first)
                            + camera("first", second) + RECORDERS);
                    hangUp(airlock);
                    assertThat(airlock.awaitError("reload refused", 20)).as(airlock.transcript()).isTrue();
                    assertThat(airlock.errors()).contains(config + ":", "camera 'first' is defined twice");

                    Files.writeString(config, listen + "cameras:\n" + camera("first", first)
                            + camera("second", second) + RECORDERS);
                    hangUp(airlock);
                    assertThat(airlock.awaitError("airlock: reload: camera second added", 20))
                            .as(airlock.transcript()).isTrue();
                    assertThat(airlock.awaitError("camera second: playing", 20)).as(airlock.transcript()).isTrue();
                    try (RawRtspClient added = new RawRtspClient(port)) {
                        added.playInterleaved("rtsp://127.0.0.1:" + port + "/second");
                        assertThat(E2eHarness.Sequence.read(added, 1000).seqs).as("the added camera").isNotEmpty();
                    }

                    E2eHarness.Sequence s = streaming.get(30, TimeUnit.SECONDS);
                    assertThat(s.gaps).as("first camera across both reloads: %s", s).isZero();
                    assertThat(s.seqs.size()).as("first camera packets over 12 s").isGreaterThan(250);
                    airlock.terminate();
                    assertThat(airlock.awaitExit(EXIT_SECONDS)).as(airlock.transcript()).isZero();
                }
            }
        });
    }

    @Test
    void shouldReloadOnPostToTheManagementListener() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (CameraSimulator first = E2eHarness.camera(0, Vendor.HIKVISION);
                 CameraSimulator second = E2eHarness.camera(0, Vendor.HIKVISION)) {
                int port = E2eHarness.freePort();
                String listen = E2eHarness.listen(port);
                java.util.regex.Matcher m = Pattern.compile("management: (127\\.0\\.0\\.1:\\d+)").matcher(listen);
                assertThat(m.find()).isTrue();
                java.net.URI reload = java.net.URI.create("http://" + m.group(1) + "/reload");
                Path config = tmp.resolve("airlock.yaml");
                Files.writeString(config, listen + "cameras:\n" + camera("first", first) + RECORDERS);
                try (ChildProcess airlock = airlockRun(config)) {
                    awaitServing(airlock, port);
                    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                    java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(reload)
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();

                    Files.writeString(config, listen + "cameras:\n" + camera("first", first) + "  - bogus: 1\n"
                            + RECORDERS);
                    java.net.http.HttpResponse<String> refused = http.send(post,
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

                    Files.writeString(config, listen + "cameras:\n" + camera("first", first)
                            + camera("second", second) + RECORDERS);
                    java.net.http.HttpResponse<String> applied = http.send(post,
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
                    assertThat(applied.body()).contains("camera second added");
                    assertThat(airlock.awaitError("camera second: playing", 20)).as(airlock.transcript()).isTrue();
                    airlock.terminate();
                    assertThat(airlock.awaitExit(EXIT_SECONDS)).as(airlock.transcript()).isZero();
                }
            }
        });
    }

    /** Waits until the child serves recorders and plays its camera; returns the RTSP port. */
    private static int awaitServing(ChildProcess airlock, int port) throws InterruptedException {
        assertThat(airlock.awaitLine(l -> l.startsWith("serving "), 30)).as(airlock.transcript()).isNotNull();
        assertThat(airlock.awaitError(": playing ", 30)).as(airlock.transcript()).isTrue();
        return port;
    }
}
