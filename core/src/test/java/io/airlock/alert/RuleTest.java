package io.airlock.alert;

import io.airlock.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTest {

    @Test
    void shouldDocumentEveryRuleInDocsRulesMd() throws IOException {
        String doc = Files.readString(TestPaths.root().resolve("docs/rules.md"));
        for (Rule rule : Rule.values()) {
            assertThat(doc).as("docs/rules.md section for " + rule.id()).contains("## " + rule.id() + "\n");
            assertThat(doc).as("docs/rules.md table row for " + rule.id())
                    .contains("| [" + rule.id() + "](#" + rule.id().toLowerCase() + ") | " + rule.severity().label());
        }
    }

    @Test
    void shouldFollowTheCatalogueIdScheme() {
        for (Rule rule : Rule.values()) {
            assertThat(rule.id()).matches("(MED|RTSP|NET)-\\d\\d|CVE-\\d{4}-\\d{4,}");
            assertThat(Rule.byId(rule.id())).isSameAs(rule);
        }
        assertThat(Rule.RTSP_01.severity()).isEqualTo(Severity.HIGH);
        assertThat(Rule.RTSP_02.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldParseSeverityThresholds() {
        assertThat(Severity.parse("MEDIUM")).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.parse(" high ")).isEqualTo(Severity.HIGH);
        assertThat(Severity.parse("critical")).isNull();
        assertThat(Severity.HIGH.atLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
    }
}
