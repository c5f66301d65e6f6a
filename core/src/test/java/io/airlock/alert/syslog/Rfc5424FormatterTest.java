package io.airlock.alert.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.alert.Severity;
import io.airlock.alert.StreamIdentity;
import io.airlock.alert.TestFindings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFC 5424 shape of a finding: header fields, structured data, escaping, and the size bound. */
class Rfc5424FormatterTest {

    private static final Rfc5424Formatter FORMATTER =
            new Rfc5424Formatter(Facility.LOCAL4, "airlock@32473", "airlock-01.example.org", 4242, 2048);

    static byte[] bytes(ByteBuffer message) {
        byte[] out = new byte[message.remaining()];
        message.duplicate().get(out);
        return out;
    }

    static Rfc5424Parser.Message format(Rfc5424Formatter formatter, Finding f) {
        return Rfc5424Parser.parse(bytes(formatter.format(f, TestFindings.FIRST_SEEN_NS)));
    }

    @Test
    void shouldWriteEveryHeaderFieldOfRfc5424() {
        byte[] raw = bytes(FORMATTER.format(TestFindings.sei229(0), 0));
        assertThat(new String(raw, StandardCharsets.UTF_8)).startsWith(
                "<164>1 2026-11-22T10:15:30.123456Z airlock-01.example.org airlock 4242 MED-02 [airlock@32473 ");
        Rfc5424Parser.Message m = Rfc5424Parser.parse(raw);
        assertThat(m.facility()).isEqualTo(20);
        assertThat(m.severity()).isEqualTo(4);
        assertThat(m.appName()).isEqualTo("airlock");
        assertThat(m.procId()).isEqualTo("4242");
        assertThat(m.msgId()).isEqualTo("MED-02");
        assertThat(m.bom()).isTrue();
        assertThat(m.msg()).isEqualTo("SEI payload type outside the allow-list: SEI payload type 229 (HiSilicon"
                + " encoder) #0");
    }

    @Test
    void shouldCarryRuleStreamCountsAndEvidenceInOneSdElement() {
        Rfc5424Parser.Message m = format(FORMATTER, TestFindings.sei229(3));
        assertThat(m.structuredData()).hasSize(1);
        assertThat(m.element("airlock@32473").params()).containsExactly(
                entry("rule", "MED-02"), entry("severity", "medium"), entry("camera", "lobby"),
                entry("src_ip", "192.0.2.10"), entry("src_port", "554"), entry("dest_ip", "10.0.0.9"),
                entry("dest_port", "50003"), entry("proto", "udp"), entry("track", "0"), entry("ssrc", "1a2b3c4d"),
                entry("count", "1"), entry("first_seen", "2026-11-22T10:15:30.123456792Z"),
                entry("last_seen", "2026-11-22T10:15:30.123456792Z"), entry("byte_offset", "4099"),
                entry("payload_type", "229"), entry("payload_size", "64"), entry("matched_hex", "e5 40 48 49 53 49"));
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return Map.entry(k, v);
    }

    @Test
    void shouldMapSeverities() {
        assertThat(Rfc5424Formatter.severityCode(Severity.INFO)).isEqualTo(6);
        assertThat(Rfc5424Formatter.severityCode(Severity.LOW)).isEqualTo(5);
        assertThat(Rfc5424Formatter.severityCode(Severity.MEDIUM)).isEqualTo(4);
        assertThat(Rfc5424Formatter.severityCode(Severity.HIGH)).isEqualTo(2);
        Finding high = new Finding(Rule.NET_02, Severity.HIGH, new StreamIdentity(null, "192.0.2.10", 34567,
                "198.51.100.1", 8800, "udp", -1, -1), -1, -1);
        Rfc5424Parser.Message m = format(new Rfc5424Formatter(Facility.LOCAL0, "airlock@32473", "h", 1, 2048), high);
        assertThat(m.pri()).isEqualTo(16 * 8 + 2);
        assertThat(m.timestamp()).isEqualTo("2026-11-22T10:15:30.123456Z");
        assertThat(m.element("airlock@32473").params()).doesNotContainKeys("camera", "first_seen", "byte_offset");
    }

    @Test
    void shouldEscapeQuoteBackslashAndBracketInParamValues() {
        String tricky = "]\"\\ x\\\"]";
        byte[] raw = bytes(FORMATTER.format(TestFindings.withEvidence("server", tricky), 0));
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("server=\"\\]\\\"\\\\ x\\\\\\\"\\]\"");
        Rfc5424Parser.Message m = Rfc5424Parser.parse(raw);
        assertThat(m.element("airlock@32473").params()).containsEntry("server", tricky);
        assertThat(m.msg()).isEqualTo("Vendor fingerprint: vendor " + tricky);
    }

    @Test
    void shouldSanitiseEvidenceKeysIntoParamNames() {
        assertThat(Rfc5424Formatter.evidenceName("a b=c]d\"e")).isEqualTo("a_b_c_d_e");
        assertThat(Rfc5424Formatter.evidenceName("")).isEqualTo("_");
        assertThat(Rfc5424Formatter.evidenceName("k".repeat(40))).hasSize(32);
        assertThat(Rfc5424Formatter.evidenceName("ключ")).isEqualTo("____");
        assertThat(Rfc5424Formatter.evidenceName("rule")).isEqualTo("evidence_rule");
        Rfc5424Parser.Message m = format(FORMATTER, TestFindings.withEvidence("rule", "MED-99"));
        assertThat(m.element("airlock@32473").params()).containsEntry("rule", "RTSP-02")
                .containsEntry("evidence_rule", "MED-99");
    }

    @Test
    void shouldUseNilValueForHostNameThatIsNotPrintableAscii() {
        Rfc5424Formatter f = new Rfc5424Formatter(Facility.USER, "x@1", "bad host", -1, 480);
        Rfc5424Parser.Message m = format(f, TestFindings.sei229(0));
        assertThat(m.hostname()).isEqualTo("-");
        assertThat(m.procId()).isEqualTo("-");
        assertThat(m.element("x@1").params()).containsEntry("rule", "MED-02");
    }

    @Test
    void shouldCutMessageTextBeforeStructuredData() {
        Finding f = TestFindings.withEvidence("server", "Hikvision-Webs");
        f.summary("€".repeat(200));
        int full = bytes(FORMATTER.format(f, 0)).length;
        Rfc5424Formatter tight = new Rfc5424Formatter(Facility.LOCAL4, "airlock@32473", "h", 1, 480);
        byte[] raw = bytes(tight.format(f, 0));
        assertThat(full).isGreaterThan(480);
        assertThat(raw.length).isLessThanOrEqualTo(480).isGreaterThan(470);
        Rfc5424Parser.Message m = Rfc5424Parser.parse(raw);
        assertThat(m.element("airlock@32473").params()).containsEntry("server", "Hikvision-Webs");
        assertThat(m.msg()).startsWith("Vendor fingerprint: €€").doesNotContain("\uFFFD");
    }

    @Test
    void shouldLeaveOutEvidenceParamsFromTheLastWhenStructuredDataAloneIsTooLong() {
        Finding f = TestFindings.withEvidence("k00", "v".repeat(200));
        for (int i = 1; i < 16; i++) {
            f.detail(String.format("k%02d", i), "v".repeat(200));
        }
        Rfc5424Formatter tight = new Rfc5424Formatter(Facility.LOCAL4, "airlock@32473", "h", 1, 1024);
        byte[] raw = bytes(tight.format(f, 0));
        assertThat(raw.length).isLessThanOrEqualTo(1024);
        Rfc5424Parser.Message m = Rfc5424Parser.parse(raw);
        assertThat(m.element("airlock@32473").params()).containsKeys("rule", "severity", "count", "k00", "k01")
                .doesNotContainKey("k15");
        // What room a left-out parameter leaves goes to the text, cut to fit.
        assertThat(m.msg()).startsWith("Vendor fingerprint: vendor vvv").hasSizeLessThan(230);
    }

    @Test
    void shouldNeverCutInsideAMultiByteCharacterOrEscape() {
        for (int max = 480; max < 700; max++) {
            Finding f = TestFindings.withEvidence("text", "😀]é\"".repeat(60));
            f.summary("😀é".repeat(100));
            byte[] raw = bytes(new Rfc5424Formatter(Facility.LOCAL4, "airlock@32473", "h", 1, max).format(f, 0));
            assertThat(raw.length).isLessThanOrEqualTo(max);
            Rfc5424Parser.parse(raw);
        }
    }

    @Test
    void shouldAddNothingFromTheConfigurationButFacilityAndSdId() {
        SyslogSettings settings = new SyslogSettings("siem.example.org", 6514, SyslogTransport.TLS,
                Path.of("/etc/airlock/siem-ca-Secret-Path.pem"), Facility.LOCAL4, 4096,
                "airlock@32473", 8192);
        Rfc5424Formatter f = new Rfc5424Formatter(settings.facility(), settings.sdId(), "h", 1,
                settings.maxMessageBytes());
        String text = new String(bytes(f.format(TestFindings.sei229(1), 0)), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("siem.example.org", "Secret-Path", "6514", "8192", "tls");
    }
}
