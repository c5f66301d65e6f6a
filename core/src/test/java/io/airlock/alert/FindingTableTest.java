package io.airlock.alert;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTableTest {

    private static final StreamIdentity STREAM = new StreamIdentity("f", null, 0, null, 0, null, 0, -1);

    @Test
    void shouldAggregateRepeatsIntoOneFindingPerStreamAndRule() {
        List<Finding> announced = new ArrayList<>();
        FindingTable table = new FindingTable(announced::add, 100);
        Object streamA = new Object();
        Object streamB = new Object();

        for (int i = 0; i < 1000; i++) {
            if (table.repeat(Rule.MED_02, streamA, i) == null) {
                table.add(streamA, new Finding(Rule.MED_02, Severity.MEDIUM, STREAM, i, 10));
            }
        }
        table.raise(Rule.MED_02, streamB, 5, () -> new Finding(Rule.MED_02, Severity.MEDIUM, STREAM, 5, 20));
        table.raise(Rule.MED_03, streamA, 6, () -> new Finding(Rule.MED_03, Severity.MEDIUM, STREAM, 6, 30));

        assertThat(table.findings()).hasSize(3);
        assertThat(announced).hasSize(3);
        Finding first = table.findings().get(0);
        assertThat(first.count()).isEqualTo(1000);
        assertThat(first.firstSeenNs()).isZero();
        assertThat(first.lastSeenNs()).isEqualTo(999);
        assertThat(first.byteOffset()).isEqualTo(10);
    }

    @Test
    void shouldStopAddingFindingsAtTheBoundButKeepCounting() {
        FindingTable table = new FindingTable(FindingSink.NONE, 2);
        for (int i = 0; i < 5; i++) {
            table.add(new Object(), new Finding(Rule.MED_05, Severity.LOW, STREAM, i, -1));
        }
        assertThat(table.findings()).hasSize(2);
        assertThat(table.suppressed()).isEqualTo(3);
    }

    @Test
    void shouldClipHostileEvidenceAndStripControlCharacters() {
        Finding f = new Finding(Rule.RTSP_02, Severity.INFO, STREAM, 0, 0);
        f.detail("server", "x".repeat(10_000) + "\n").summary("a\u0000b\u001bc");
        assertThat(f.details().get("server")).hasSizeLessThan(300);
        assertThat(f.summary()).isEqualTo("a.b.c");
        for (int i = 0; i < 100; i++) {
            f.detail("k" + i, i);
        }
        assertThat(f.details()).hasSizeLessThanOrEqualTo(16);
    }
}
