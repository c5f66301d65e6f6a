package io.airlock.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON lines file: the inspect --json shape, rotation, drops, errors and a complete file on close. */
class JsonLinesSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private JsonLinesSink sink(Path path, long maxBytes, int keep, int queue) {
        return new JsonLinesSink(new JsonLinesSettings(path, maxBytes, keep, queue), Duration.ofMillis(20),
                Duration.ofMillis(100));
    }

    /** What airlock inspect --json writes for the finding. */
    private static String inspectJson(Finding f) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            FindingJson.write(g, f, 0);
        }
        return w.toString();
    }

    private static List<String> lines(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return List.of(text.split("\n"));
    }

    @Test
    void shouldWriteEachFindingAsTheInspectJsonObjectOnOneLine() throws Exception {
        Path file = temp.resolve("log/airlock/alerts.jsonl");
        Finding f = TestFindings.sei229(1).detail("server", "quote \" newline \n é");
        JsonLinesSink sink = sink(file, 1 << 20, 5, 64);
        sink.onFinding(f);
        sink.onFinding(TestFindings.sei229(2));
        assertThat(sink.close(WAIT)).isTrue();

        List<String> lines = lines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(inspectJson(f));
        JsonNode alert = JSON.readTree(lines.get(0));
        assertThat(alert.get("event_type").asText()).isEqualTo("alert");
        for (String field : List.of("timestamp", "rule", "severity", "src_ip", "src_port", "dest_ip", "dest_port",
                "proto", "file", "count", "evidence")) {
            assertThat(alert.has(field)).as(field).isTrue();
        }
        assertThat(alert.get("rule").asText()).isEqualTo("MED-02");
        assertThat(alert.get("evidence").get("server").asText()).isEqualTo("quote \" newline . é");
        assertThat(sink.written()).isEqualTo(2);
        assertThat(sink.dropped()).isZero();
        assertThat(sink.errors()).isZero();
    }

    @Test
    void shouldRotateAtTheSizeBoundKeepingNFilesAndNeverSplittingALine() throws Exception {
        Path file = temp.resolve("alerts.jsonl");
        int lineBytes = inspectJson(TestFindings.sei229(100)).length() + 1;
        long max = lineBytes * 3L + lineBytes / 2;
        JsonLinesSink sink = sink(file, max, 2, 1000);
        for (int i = 100; i < 120; i++) {
            sink.onFinding(TestFindings.sei229(i));
        }
        assertThat(sink.close(WAIT)).isTrue();

        assertThat(sink.rotations()).isEqualTo(6);
        assertThat(Files.exists(temp.resolve("alerts.jsonl.1"))).isTrue();
        assertThat(Files.exists(temp.resolve("alerts.jsonl.2"))).isTrue();
        assertThat(Files.exists(temp.resolve("alerts.jsonl.3"))).isFalse();
        List<String> kept = new ArrayList<>();
        for (String name : List.of("alerts.jsonl.2", "alerts.jsonl.1", "alerts.jsonl")) {
            Path p = temp.resolve(name);
            assertThat(Files.size(p)).isLessThanOrEqualTo(max);
            for (String line : lines(p)) {
                kept.add(JSON.readTree(line).get("summary").asText());
            }
        }
        // 20 lines, 3 per file: the newest 8 survive in order (3 + 3 + 2), the oldest were deleted.
        assertThat(kept).hasSize(8);
        assertThat(kept.get(0)).endsWith("#112");
        assertThat(kept.get(7)).endsWith("#119");
    }

    @Test
    void shouldGiveALineLargerThanTheBoundAFileOfItsOwn() throws Exception {
        Path file = temp.resolve("alerts.jsonl");
        JsonLinesSink sink = sink(file, 100, 3, 10);
        sink.onFinding(TestFindings.sei229(1));
        sink.onFinding(TestFindings.sei229(2));
        assertThat(sink.close(WAIT)).isTrue();
        assertThat(lines(file)).hasSize(1);
        assertThat(lines(temp.resolve("alerts.jsonl.1"))).hasSize(1);
    }

    @Test
    void shouldNeverBlockTheCallerAndAccountForEveryFinding() throws Exception {
        Path file = temp.resolve("alerts.jsonl");
        JsonLinesSink sink = sink(file, 1 << 30, 1, 16);
        for (int i = 0; i < 5000; i++) {
            sink.onFinding(TestFindings.sei229(i));
        }
        assertThat(sink.close(WAIT)).isTrue();
        assertThat(sink.written() + sink.dropped()).isEqualTo(5000);
        assertThat(lines(file)).hasSize((int) sink.written());
    }

    @Test
    void shouldFlushToDiskWhatWasQueued() throws Exception {
        Path file = temp.resolve("alerts.jsonl");
        JsonLinesSink sink = sink(file, 1 << 20, 1, 64);
        sink.onFinding(TestFindings.sei229(1));
        assertThat(sink.flush(WAIT)).isTrue();
        assertThat(lines(file)).hasSize(1);
        sink.onFinding(TestFindings.sei229(2));
        assertThat(sink.flush(WAIT)).isTrue();
        assertThat(lines(file)).hasSize(2);
        sink.close();
    }

    @Test
    void shouldCountWriteErrorsAndResumeWhenThePathBecomesWritable() throws Exception {
        Path blocker = temp.resolve("not-a-dir");
        Files.writeString(blocker, "a file where the directory should be");
        Path file = blocker.resolve("alerts.jsonl");
        JsonLinesSink sink = sink(file, 1 << 20, 1, 64);
        sink.onFinding(TestFindings.sei229(1));
        assertThat(sink.flush(Duration.ofMillis(300))).isFalse();
        assertThat(sink.errors()).isPositive();
        assertThat(sink.written()).isZero();

        Files.delete(blocker);
        assertThat(sink.flush(WAIT)).isTrue();
        assertThat(sink.written()).isEqualTo(1);
        assertThat(lines(file)).hasSize(1);
        sink.close();
    }

    @Test
    void shouldEndALineThatACrashCutShortBeforeAppending() throws Exception {
        Path file = temp.resolve("alerts.jsonl");
        Files.writeString(file, "{\"event_type\":\"alert\",\"rule\":\"MED-0");
        JsonLinesSink sink = sink(file, 1 << 20, 1, 64);
        sink.onFinding(TestFindings.sei229(1));
        assertThat(sink.close(WAIT)).isTrue();
        List<String> lines = lines(file);
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(1)).get("rule").asText()).isEqualTo("MED-02");
    }
}
