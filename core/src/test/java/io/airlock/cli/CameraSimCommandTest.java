package io.airlock.cli;

import io.airlock.support.TestPaths;
import io.airlock.testdata.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(20)
class CameraSimCommandTest {

    private static String file() {
        return TestPaths.testData("h264/hisilicon-sei229.h264").toString();
    }

    @Test
    void shouldPrintOneUrlPerFileAndStopAfterDuration() {
        final CliRun run = CliRun.of("camera-sim", "--listen", "127.0.0.1:0", "--vendor", "dahua", "--duration", "1",
                file());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.outLines().get(0)).matches("rtsp://127\\.0\\.0\\.1:\\d+/hisilicon-sei229");
    }

    @Test
    void shouldShowAnExampleInHelp() {
        final CliRun run = CliRun.of("camera-sim", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("src-test-data/h264/hisilicon-sei229.h264", "--vendor", "--duration");
    }

    @Test
    void shouldRejectUnknownVendorInOneLine() {
        final CliRun run = CliRun.of("camera-sim", "--vendor", "axis", "--duration", "1", file());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown --vendor 'axis'");
    }

    @Test
    void shouldFailInOneLineOnAFileThatIsNotAnnexB() {
        final CliRun run = CliRun.of("camera-sim", "--listen", "127.0.0.1:0", "--duration", "1",
                TestPaths.testData("dhav/dahua-clean.dav").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("airlock: ");
    }

    @Test
    void shouldRequireAFile() {
        final CliRun run = CliRun.of("camera-sim");
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
    }
}
