package io.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.testdata.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock validate --config FILE} as an operator meets it. */
class ValidateCommandTest {

    private static final String VALID = """
            cameras:
              - name: lobby
                url: rtsp://192.0.2.10/Streaming/Channels/101
                username: airlock
                password: {file: lobby.secret}
                recorders: [nvr]
            recorders:
              - name: nvr
                addresses: [198.51.100.20]
            policy:
              RTSP-01: block
            """;

    @TempDir
    Path temp;

    private Path write(String yaml) throws Exception {
        Files.writeString(temp.resolve("lobby.secret"), "Top-Secret-Lobby\n");
        Path file = temp.resolve("airlock.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shouldPrintSummaryAndExitZeroForValidConfig() throws Exception {
        Path file = write(VALID);
        CliRun run = CliRun.of("validate", "--config", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out().trim()).isEqualTo(file + ": 1 camera, 1 recorder, RTSP on 0.0.0.0:8554, management on"
                + " 127.0.0.1:9090, RTP ports 30000-30999; policy: RTSP-01 block, others alert; ring 16384 blocking.");
        assertThat(run.err()).isBlank();
        assertThat(run.out()).doesNotContain("Top-Secret-Lobby");
    }

    @Test
    void shouldPrintEveryProblemAsFileLineColumnAndExitTwo() throws Exception {
        Path file = write(VALID.replace("    recorders: [nvr]", "    recorders: [nvr2]\n    pasword: x")
                .replace("block", "deny"));
        CliRun run = CliRun.of("validate", "--config", file.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines()).containsExactly(
                file + ":6:17: camera 'lobby' names recorder 'nvr2', which is not defined under 'recorders'"
                        + " (did you mean 'nvr'?)",
                file + ":7:5: unknown key 'pasword' in camera 'lobby' (did you mean 'password'?)",
                file + ":12:12: the action for RTSP-01 must be alert or block",
                "3 problems");
        assertThat(run.out()).isBlank();
    }

    @Test
    void shouldPrintWarningsButExitZeroForLiteralPassword() throws Exception {
        Path file = write(VALID.replace("{file: lobby.secret}", "Top-Secret-Lobby"));
        CliRun run = CliRun.of("validate", "--config", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.errLines()).containsExactly(file + ":5:15: warning: 'password' of camera 'lobby' is written"
                + " in the file; prefer {env: NAME} or {file: PATH}");
        assertThat(run.out() + run.err()).doesNotContain("Top-Secret-Lobby");
    }

    @Test
    void shouldReportMissingFileInOneLine() {
        CliRun run = CliRun.of("validate", "--config", temp.resolve("absent.yaml").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines()).first().asString().endsWith("absent.yaml:0:0: the file does not exist");
    }

    @Test
    void shouldRequireConfigOption() {
        CliRun run = CliRun.of("validate");
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.err()).contains("--config");
    }

    @Test
    void shouldTeachTheFormatInHelp() {
        CliRun run = CliRun.of("validate", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("FILE:LINE:COLUMN: message").contains("airlock.yaml:12:5: unknown key")
                .doesNotContain("\n'password'")
                .contains("--config").contains("docs/airlock.example.yaml").containsIgnoringCase("exit codes");
    }

    @Test
    void shouldBeListedInTopLevelHelp() {
        assertThat(CliRun.of("--help").out()).contains("validate");
    }
}
