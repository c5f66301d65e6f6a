package io.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.airlock.support.TestPaths;
import io.airlock.testdata.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code airlock} command line as a user meets it: help, version, usage errors, exit codes and JSON lines. */
class InspectCliTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> ALERT_FIELDS = List.of("timestamp", "event_type", "rule", "severity", "src_ip",
            "src_port", "dest_ip", "dest_port", "proto", "file", "count", "evidence");

    @TempDir
    Path temp;

    private static String clean() {
        return TestPaths.testData("h264/openh264-clean.h264").toString();
    }

    private static String hisilicon() {
        return TestPaths.testData("h264/hisilicon-sei229.h264").toString();
    }

    /** The top-level fields of one JSON object line, values as text (objects as "{}"); fails if it is not JSON. */
    private static Map<String, String> parse(String line) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            assertThat(p.nextToken()).as(line).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    fields.put(name, value == JsonToken.START_OBJECT ? "{}" : "[]");
                    p.skipChildren();
                } else {
                    fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            assertThat(p.nextToken()).as("one object per line: %s", line).isNull();
        }
        return fields;
    }

    @Test
    void shouldDescribeFailOnAndExitCodesInTopLevelHelp() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("inspect").containsIgnoringCase("exit codes").contains("--fail-on");
    }

    @Test
    void shouldDescribeFailOnAndExitCodesInInspectHelp() {
        CliRun run = CliRun.of("inspect", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--fail-on").containsIgnoringCase("exit codes").contains("--json");
    }

    @Test
    void shouldPrintVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Java");
    }

    @Test
    void shouldRejectUnknownOptionWithOneLine() {
        // picocli's default would print the whole usage after the error; a usage error is one line.
        CliRun run = CliRun.of("inspect", "--bogus-option", clean());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines().get(0)).contains("--bogus-option");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--bogus-option").doesNotContain("Exception");
    }

    @Test
    void shouldRejectUnknownFailOnSeverity() {
        // picocli's default would print the whole usage after the error; a usage error is one line.
        CliRun run = CliRun.of("inspect", "--fail-on", "bogus", clean());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines().get(0)).contains("bogus");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("bogus").doesNotContain("Exception");
    }

    @Test
    void shouldExitZeroForCleanRecording() {
        CliRun run = CliRun.of("inspect", "--no-progress", clean());
        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("320x240");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldExitOneForHiSiliconRecordingAndZeroWhenFailingOnHighOnly() {
        assertThat(CliRun.of("inspect", "--no-progress", hisilicon()).exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.of("inspect", "--no-progress", "--fail-on", "high", hisilicon()).exit())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldWriteOneJsonObjectPerLineWithAlertAndStreamFields() throws Exception {
        CliRun run = CliRun.of("inspect", "--json", "--no-progress", hisilicon());
        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).endsWith("\n");
        int alerts = 0;
        int streams = 0;
        for (String line : run.outLines()) {
            Map<String, String> f = parse(line);
            if ("alert".equals(f.get("event_type"))) {
                alerts++;
                assertThat(f).containsKeys(ALERT_FIELDS.toArray(String[]::new));
                assertThat(f.get("rule")).matches("(MED|RTSP)-\\d\\d");
                assertThat(f.get("file")).isEqualTo("hisilicon-sei229.h264");
            } else if ("stream".equals(f.get("event_type"))) {
                streams++;
                assertThat(f).containsEntry("codec", "H.264").containsEntry("width", "320")
                        .containsEntry("sei_types", "{}");
            }
        }
        assertThat(alerts).isEqualTo(3);
        assertThat(streams).isEqualTo(1);
        assertThat(run.out()).contains("\"sei_types\":{\"229\":3}");
    }

    @Test
    void shouldCarryAddressesInJsonAlertsFromCaptures() throws Exception {
        String pcap = TestPaths.testData("pcap/rtsp-redirect-destination.pcap").toString();
        CliRun run = CliRun.of("inspect", "--json", "--no-progress", pcap);
        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        boolean setup = false;
        boolean onTheWire = false;
        for (String line : run.outLines()) {
            Map<String, String> f = parse(line);
            if ("RTSP-01".equals(f.get("rule")) && "tcp".equals(f.get("proto"))) {
                setup = true;
                assertThat(f).containsEntry("severity", "high").containsEntry("src_ip", "192.0.2.10")
                        .containsEntry("dest_ip", "203.0.113.7").containsEntry("dest_port", "554");
            } else if ("RTSP-01".equals(f.get("rule"))) {
                onTheWire = true;
                assertThat(f).containsEntry("src_ip", "203.0.113.7").containsEntry("dest_ip", "198.51.100.7")
                        .containsEntry("proto", "udp");
            }
        }
        assertThat(setup).as("the SETUP asking for another destination").isTrue();
        assertThat(onTheWire).as("the RTP the camera then sent there").isTrue();
    }

    @Test
    void shouldReportOtherFilesWhenOneIsUnreadable() throws Exception {
        Path broken = temp.resolve("broken.h264");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CliRun run = CliRun.of("inspect", "--no-progress", broken.toString(), clean());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.out()).contains("openh264-clean.h264").contains("320x240");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("broken.h264");
    }

    @Test
    void shouldReportOtherFilesInJsonWhenOneIsUnreadable() throws Exception {
        Path broken = temp.resolve("broken.h264");
        Files.write(broken, new byte[0]);
        CliRun run = CliRun.of("inspect", "--json", "--no-progress", clean(), broken.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        for (String line : run.outLines()) {
            parse(line);
        }
        assertThat(run.out()).contains("\"event_type\":\"stream\"");
        assertThat(run.err()).contains("broken.h264");
    }
}
