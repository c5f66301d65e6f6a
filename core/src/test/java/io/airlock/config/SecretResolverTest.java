package io.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets from the environment, from files, and literally; problems name the source, never the value. */
class SecretResolverTest {

    private static final String CAMERA_WITH_PASSWORD = """
            cameras:
              - name: lobby
                url: rtsp://192.0.2.10/
                recorders: [nvr]
                username: airlock
                password: %s
            recorders:
              - name: nvr
                addresses: [198.51.100.20]
            """;

    @TempDir
    Path temp;

    private ConfigResult load(String password, Map<String, String> env) throws Exception {
        Path file = temp.resolve("airlock.yaml");
        Files.writeString(file, CAMERA_WITH_PASSWORD.formatted(password));
        return ConfigLoader.load(file, env::get);
    }

    private static List<String> located(List<ConfigProblem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    @Test
    void shouldReadSecretFromFileRelativeToTheConfigWithoutTrailingNewline() throws Exception {
        Files.createDirectories(temp.resolve("secrets"));
        Files.writeString(temp.resolve("secrets/lobby"), "s3cret pass\r\n");
        ConfigResult r = load("{file: secrets/lobby}", Map.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        Secret password = r.config().camera("lobby").password();
        assertThat(password.reveal()).isEqualTo("s3cret pass");
        assertThat(password.origin()).isEqualTo("file secrets/lobby");
    }

    @Test
    void shouldReadSecretFromAbsoluteFile() throws Exception {
        Path secret = temp.resolve("abs");
        Files.writeString(secret, "abc");
        ConfigResult r = load("{file: '" + secret + "'}", Map.of());
        assertThat(r.config().camera("lobby").password().reveal()).isEqualTo("abc");
    }

    @Test
    void shouldReadSecretFromEnvironment() throws Exception {
        ConfigResult r = load("{env: LOBBY_PASSWORD}", Map.of("LOBBY_PASSWORD", "from-env"));
        assertThat(r.config().camera("lobby").password().reveal()).isEqualTo("from-env");
    }

    @Test
    void shouldReportUnsetEnvironmentVariableAtItsLocation() throws Exception {
        // The process environment cannot be changed in-JVM; this variable is assumed unset everywhere.
        Path file = temp.resolve("airlock.yaml");
        Files.writeString(file, CAMERA_WITH_PASSWORD.formatted("{env: AIRLOCK_TEST_SURELY_UNSET_4711}"));
        assertThat(located(ConfigLoader.load(file).problems()))
                .containsExactly("6:21: environment variable AIRLOCK_TEST_SURELY_UNSET_4711 is not set");
    }

    @Test
    void shouldReportEmptyEnvironmentVariableAndBadName() throws Exception {
        assertThat(located(load("{env: EMPTY}", Map.of("EMPTY", "")).problems()))
                .containsExactly("6:21: environment variable EMPTY is empty");
        assertThat(located(load("{env: 'A-B'}", Map.of()).problems()))
                .containsExactly("6:21: 'A-B' is not an environment variable name");
    }

    @Test
    void shouldReportMissingEmptyAndOversizedSecretFiles() throws Exception {
        assertThat(located(load("{file: nope}", Map.of()).problems()))
                .containsExactly("6:22: secret file nope does not exist");
        Files.writeString(temp.resolve("empty"), "\n");
        assertThat(located(load("{file: empty}", Map.of()).problems()))
                .containsExactly("6:22: secret file empty is empty");
        Files.write(temp.resolve("big"), new byte[SecretResolver.MAX_SECRET_FILE_BYTES + 1]);
        assertThat(located(load("{file: big}", Map.of()).problems()))
                .containsExactly("6:22: secret file big is larger than 65536 bytes");
        assertThat(located(load("{file: .}", Map.of()).problems()))
                .containsExactly("6:22: secret file . is not a regular file");
    }

    @Test
    void shouldRefuseSecretWithBothOrNeitherSource() throws Exception {
        assertThat(located(load("{env: A, file: b}", Map.of("A", "x")).problems()))
                .containsExactly("6:15: 'password' of camera 'lobby' must be {env: NAME}, {file: PATH} or a string");
        assertThat(located(load("{vault: x}", Map.of()).problems())).containsExactly(
                "6:15: 'password' of camera 'lobby' must be {env: NAME}, {file: PATH} or a string",
                "6:16: unknown key 'vault' in 'password' of camera 'lobby'");
    }

    @Test
    void shouldAcceptLiteralPasswordWithWarning() throws Exception {
        ConfigResult r = load("literal-pass", Map.of());
        assertThat(r.ok()).isTrue();
        assertThat(located(r.warnings())).containsExactly(
                "6:15: 'password' of camera 'lobby' is written in the file; prefer {env: NAME} or {file: PATH}");
        assertThat(r.config().camera("lobby").password().reveal()).isEqualTo("literal-pass");
    }

    @Test
    void shouldRequireAbsoluteSecretFilesWithoutBaseDirectory() {
        byte[] yaml = CAMERA_WITH_PASSWORD.formatted("{file: x}").getBytes(StandardCharsets.UTF_8);
        ConfigResult r = ConfigLoader.parse(yaml, "t.yaml", null, name -> null);
        assertThat(located(r.problems())).containsExactly("6:22: secret file 'x' must be an absolute path here");
    }
}
