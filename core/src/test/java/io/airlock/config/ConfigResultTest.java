package io.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.support.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary {@code airlock validate} prints, the shipped example and the embedded demo configuration. */
class ConfigResultTest {

    private static final String CAMERA_SECRET = "cam-Secret-7f3a9e";
    private static final String RECORDER_SECRET = "rec-Secret-c0ffee";
    private static final String TOKEN = "tok-Secret-0123456789abcdef";

    @TempDir
    Path temp;

    /** The example, copied beside the secret file it names, loaded with its environment variables set. */
    private ConfigResult loadExample() throws Exception {
        Path example = TestPaths.root().resolve("docs/airlock.example.yaml");
        Path copy = temp.resolve("airlock.yaml");
        Files.copy(example, copy);
        Files.createDirectories(temp.resolve("secrets"));
        Files.writeString(temp.resolve("secrets/loading-dock-camera"), CAMERA_SECRET + "\n");
        return ConfigLoader.load(copy, Map.of("LOBBY_CAMERA_PASSWORD", CAMERA_SECRET,
                "BACKUP_RECORDER_PASSWORD", RECORDER_SECRET)::get);
    }

    @Test
    void shouldLoadTheDocumentedExampleWithoutProblemsOrWarnings() throws Exception {
        ConfigResult r = loadExample();
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        AirlockConfig c = r.config();
        assertThat(c.cameras()).extracting(CameraConfig::name).containsExactly("lobby", "loading-dock");
        assertThat(c.recorders()).extracting(RecorderConfig::name).containsExactly("nvr", "backup");
        assertThat(c.camera("lobby").password().reveal()).isEqualTo(CAMERA_SECRET);
        assertThat(c.camera("loading-dock").password().reveal()).isEqualTo(CAMERA_SECRET);
        assertThat(c.recorder("backup").password().reveal()).isEqualTo(RECORDER_SECRET);
        assertThat(c.policy().action("RTSP-01")).isEqualTo(PolicyAction.BLOCK);
    }

    @Test
    void shouldSummariseTheExampleInOneParagraph() throws Exception {
        assertThat(loadExample().describe()).isEqualTo("2 cameras (3 streams), 2 recorders, RTSP on 0.0.0.0:8554,"
                + " management on 127.0.0.1:9090, RTP ports 30000-30999; policy: RTSP-01 block, MED-04 alert,"
                + " others alert; ring 16384 blocking; alerts to /var/log/airlock/alerts.jsonl and syslog"
                + " tls://siem.example.org:6514.");
    }

    @Test
    void shouldNeverShowSecretsInSummaryProblemsWarningsOrToString() throws Exception {
        Files.writeString(temp.resolve("token"), TOKEN);
        String yaml = """
                listen:
                  management: 192.0.2.1:9090
                  management_token: {file: token}
                cameras:
                  - name: lobby
                    url: rtsp://192.0.2.10/
                    username: admin
                    password: %s
                    recorders: [nvr]
                recorders:
                  - name: nvr
                    username: nvr
                    password: %s
                """.formatted(CAMERA_SECRET, RECORDER_SECRET);
        Path file = temp.resolve("airlock.yaml");
        Files.writeString(file, yaml);
        ConfigResult ok = ConfigLoader.load(file);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.describe()).contains("(token from file token)");
        String everything = ok.describe() + ok.warnings() + ok.config() + ok;
        assertThat(everything).doesNotContain(CAMERA_SECRET, RECORDER_SECRET, TOKEN).contains("***");

        Files.writeString(file, yaml.replace("url: rtsp://", "url: rtsp://admin:" + CAMERA_SECRET + "@")
                .replace("nvr]", "nvr, " + CAMERA_SECRET + "]") + "  - {name: x, password: " + RECORDER_SECRET + "}\n");
        ConfigResult bad = ConfigLoader.load(file);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.describe() + bad.warnings() + bad).doesNotContain(RECORDER_SECRET, TOKEN)
                .doesNotContain("admin:" + CAMERA_SECRET);
    }

    @Test
    void shouldFormatProblemsAsFileLineColumn() {
        ConfigResult r = ConfigLoaderTest.parse("cameras: 1\n" + ConfigLoaderTest.RECORDERS);
        assertThat(r.describe()).isEqualTo("t.yaml:1:10: camera #1 must be a mapping of keys to values, found a single"
                + " value\n1 problem");
    }

    @Test
    void shouldLoadTheEmbeddedDemoConfiguration() {
        ConfigResult r = ConfigLoader.demo();
        assertThat(r.problems()).isEmpty();
        AirlockConfig c = r.config();
        assertThat(c.cameras()).singleElement().satisfies(cam -> {
            assertThat(cam.name()).isEqualTo("demo");
            assertThat(cam.url()).hasToString("rtsp://127.0.0.1:18554/demo");
            assertThat(cam.recorders()).containsExactly("local");
        });
        assertThat(c.recorders()).singleElement().satisfies(rec -> {
            assertThat(rec.name()).isEqualTo("local");
            assertThat(rec.addresses()).extracting(Cidr::toString).containsExactly("127.0.0.0/8");
            assertThat(rec.hasCredentials()).isFalse();
        });
        assertThat(c.listen().rtsp()).hasToString("127.0.0.1:8554");
        assertThat(c.listen().management().loopback()).isTrue();
    }
}
