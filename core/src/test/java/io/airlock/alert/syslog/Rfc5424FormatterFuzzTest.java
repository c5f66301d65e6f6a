package io.airlock.alert.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.alert.Severity;
import io.airlock.alert.StreamIdentity;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target: whatever the evidence keys and values, summary, camera name, host name and bound, the message parses
 * as strict RFC 5424, stays within its bound, and keeps the rule.
 */
class Rfc5424FormatterFuzzTest {

    private static final Rule[] RULES = Rule.values();
    private static final Severity[] SEVERITIES = Severity.values();

    @FuzzTest(maxDuration = "60s")
    void formatArbitraryFindings(FuzzedDataProvider data) {
        int max = data.consumeInt(SyslogSettings.MIN_MESSAGE_BYTES, 4096);
        String host = data.consumeString(300);
        StreamIdentity s = new StreamIdentity(data.consumeBoolean() ? data.consumeString(300) : null,
                data.consumeBoolean() ? data.consumeString(60) : null, data.consumeInt(), data.consumeString(60),
                data.consumeInt(), data.consumeBoolean() ? data.consumeString(10) : null, data.consumeInt(-1, 8),
                data.consumeLong(-1, 0xFFFFFFFFL));
        Finding f = new Finding(RULES[data.consumeInt(0, RULES.length - 1)],
                SEVERITIES[data.consumeInt(0, SEVERITIES.length - 1)], s, data.consumeLong(), data.consumeLong());
        f.summary(data.consumeString(600)).matched(data.consumeString(100));
        int details = data.consumeInt(0, 20);
        for (int i = 0; i < details; i++) {
            f.detail(data.consumeString(50), data.consumeString(400));
        }
        check(f, host, max, data.consumeLong());
    }

    /** Regression mode only runs the empty input; this drives the same check with seeded random findings. */
    @Test
    void shouldAlwaysParseWithRandomEvidence() {
        Random r = new Random(5424);
        String alphabet = "]\"\\= \t\n\u0000\u007fé€😀\uD800\uDC00\uDFFFaZ09-_.:@[";
        for (int round = 0; round < 500; round++) {
            StreamIdentity s = new StreamIdentity(text(r, alphabet, 80), "192.0.2." + r.nextInt(256),
                    r.nextInt(65536), "10.0.0.1", r.nextInt(65536), "udp", r.nextInt(3) - 1, r.nextInt(5) - 1);
            Finding f = new Finding(RULES[r.nextInt(RULES.length)], SEVERITIES[r.nextInt(SEVERITIES.length)], s,
                    r.nextBoolean() ? -1 : r.nextLong(), r.nextInt(3) - 1);
            f.summary(text(r, alphabet, 400)).matched(text(r, alphabet, 40));
            for (int i = r.nextInt(20); i > 0; i--) {
                f.detail(text(r, alphabet, 40), text(r, alphabet, 300));
            }
            check(f, text(r, alphabet, 20), SyslogSettings.MIN_MESSAGE_BYTES + r.nextInt(3000), r.nextLong());
        }
    }

    private static String text(Random r, String alphabet, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static void check(Finding f, String host, int max, long nowNs) {
        Rfc5424Formatter formatter = new Rfc5424Formatter(Facility.LOCAL4, SyslogSettings.DEFAULT_SD_ID, host, 7, max);
        byte[] raw = Rfc5424FormatterTest.bytes(formatter.format(f, nowNs));
        assertThat(raw.length).isLessThanOrEqualTo(max);
        Rfc5424Parser.Message m = Rfc5424Parser.parse(raw);
        assertThat(m.msgId()).isEqualTo(f.rule().id());
        assertThat(m.element(SyslogSettings.DEFAULT_SD_ID).params()).containsEntry("rule", f.rule().id());
    }
}
