package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.alert.Severity;
import io.airlock.codec.Codec;
import io.airlock.ingest.Format;
import io.airlock.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineInspectionTest {

    private final OfflineInspection inspection = new OfflineInspection(1024, "sleeping");

    static Set<Rule> rules(InspectionResult r) {
        return r.findings().stream().map(Finding::rule).collect(Collectors.toSet());
    }

    static boolean anyAtLeastMedium(InspectionResult r) {
        return r.findings().stream().anyMatch(f -> f.severity().atLeast(Severity.MEDIUM));
    }

    InspectionResult inspect(Path file) throws InputException {
        InspectionResult r = inspection.inspect(file, FindingSink.NONE, p -> { });
        assertThat(r.internalErrors()).as("internal errors: %s", r.firstInternalError()).isZero();
        return r;
    }

    @Test
    void shouldFindNothingOfMediumOrHigherInCleanOpenH264Output() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("h264/openh264-clean.h264"));
        assertThat(r.format()).isEqualTo(Format.ANNEX_B_H264);
        assertThat(r.streams()).hasSize(1);
        StreamStats st = r.streams().get(0).stats();
        assertThat(st.codec()).isEqualTo(Codec.H264);
        assertThat(st.width()).isEqualTo(320);
        assertThat(st.height()).isEqualTo(240);
        assertThat(st.frames()).isEqualTo(75);
        assertThat(st.keyframes()).isEqualTo(3);
        assertThat(st.gopLength()).isEqualTo(25);
        assertThat(anyAtLeastMedium(r)).isFalse();
        assertThat(r.unreadable()).isZero();
    }

    @Test
    void shouldReportHiSiliconSeiReservedNalAndForbiddenBit() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("h264/hisilicon-sei229.h264"));
        assertThat(rules(r)).contains(Rule.MED_02, Rule.MED_03, Rule.MED_07);
        Finding sei = r.findings().stream().filter(f -> f.rule() == Rule.MED_02).findFirst().orElseThrow();
        assertThat(sei.details()).containsEntry("payload_type", "229");
        assertThat(sei.count()).isEqualTo(3);
        assertThat(r.streams().get(0).stats().seiCounts()).containsEntry(229, 3L);
    }

    @Test
    void shouldReportUnknownSeiUuidWithItsPayload() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("h264/sei-user-data-unknown-uuid.h264"));
        Finding f = r.findings().stream().filter(x -> x.rule() == Rule.MED_06).findFirst().orElseThrow();
        assertThat(f.details()).containsEntry("uuid", "0badc0de-dead-4bee-8f00-a1b2c3d4e5f6");
        assertThat(f.count()).isEqualTo(3);
    }

    @Test
    void shouldTreatX265UserDataAsAnInfoFingerprint() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("h265/x265-clean.h265"));
        assertThat(rules(r)).containsExactly(Rule.MED_08);
        StreamStats st = r.streams().get(0).stats();
        assertThat(st.codec()).isEqualTo(Codec.H265);
        assertThat(st.width()).isEqualTo(320);
        assertThat(st.fps()).isEqualTo(25.0);
        assertThat(anyAtLeastMedium(r)).isFalse();
    }

    @Test
    void shouldReadContainersThroughTheSameInspectors() throws Exception {
        for (String name : List.of("openh264-clean.mp4", "openh264-clean.mkv", "openh264-clean.ts")) {
            InspectionResult r = inspect(TestPaths.testData("h264/" + name));
            assertThat(r.format()).as(name).isEqualTo(Format.CONTAINER);
            StreamStats st = r.streams().get(0).stats();
            assertThat(st.width()).as(name).isEqualTo(320);
            assertThat(st.frames()).as(name).isEqualTo(75);
            assertThat(st.fps()).as(name).isBetween(24.0, 26.0);
            assertThat(anyAtLeastMedium(r)).as(name).isFalse();
        }
    }
}
