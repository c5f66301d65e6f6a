package io.airlock.alert.syslog;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingJson;
import io.airlock.alert.Severity;
import io.airlock.alert.StreamIdentity;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * A finding as one RFC 5424 message:
 *
 * <pre>
 *   &lt;PRI&gt;1 TIMESTAMP HOSTNAME airlock PROCID RULE-ID [airlock@32473 rule="…" severity="…" …] BOM title: summary
 * </pre>
 *
 * PRI is facility × 8 + severity, the finding's severity mapped as info → 6 (informational), low → 5 (notice),
 * medium → 4 (warning) and high → 2 (critical): a high finding is a camera reaching out or an attack in progress, which
 * operators expect to page someone. TIMESTAMP is when the finding was first seen, in UTC to the microsecond. The
 * structured data carries the rule, severity, stream identity, counts and times, then the finding's evidence; each
 * evidence key is made a valid PARAM-NAME (32 printable ASCII characters without '=', ' ', ']', '"') and every value is
 * escaped (§6.3.3). The formatter adds nothing from the configuration except the facility and SD-ID.
 *
 * <p>The message never exceeds its bound: the MSG text is cut first, then structured data parameters are left out from
 * the last (the evidence) backwards; text is cut between characters, so the output is always valid UTF-8. Not
 * thread-safe: one formatter per sender thread.
 */
public final class Rfc5424Formatter {

    public static final String APP_NAME = "airlock";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_NAME = 32;
    private static final int MAX_HOSTNAME = 255;
    private static final Set<String> CORE_NAMES = Set.of("rule", "severity", "camera", "src_ip", "src_port", "dest_ip",
            "dest_port", "proto", "track", "ssrc", "count", "first_seen", "last_seen", "byte_offset", "matched_hex");

    private final Facility facility;
    private final String sdId;
    private final String hostname;
    private final String procId;
    private final int maxBytes;
    private final MessageBuffer buf;
    private boolean full;

    /**
     * @param hostname the local host name; anything not fit for HOSTNAME (printable ASCII, at most 255) becomes "-"
     * @param procId   the process id, or a negative number for "-"
     * @param maxBytes bound on the whole message, at least {@link SyslogSettings#MIN_MESSAGE_BYTES}
     */
    public Rfc5424Formatter(Facility facility, String sdId, String hostname, long procId, int maxBytes) {
        if (!SyslogSettings.SD_ID.matcher(sdId).matches() || maxBytes < SyslogSettings.MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException("bad SD-ID or message bound");
        }
        this.facility = facility;
        this.sdId = sdId;
        this.hostname = printable(hostname, MAX_HOSTNAME);
        this.procId = procId < 0 ? "-" : Long.toString(procId);
        this.maxBytes = maxBytes;
        this.buf = new MessageBuffer(maxBytes);
    }

    /** The syslog severity code of a finding's severity. */
    public static int severityCode(Severity severity) {
        switch (severity) {
            case HIGH:
                return 2;
            case MEDIUM:
                return 4;
            case LOW:
                return 5;
            default:
                return 6;
        }
    }

    /**
     * The message for {@code finding}; {@code nowNs} (epoch) stands in for a missing capture clock. The bytes are a
     * view of a buffer reused by the next call.
     */
    public ByteBuffer format(Finding finding, long nowNs) {
        buf.reset(maxBytes);
        full = false;
        long when = finding.firstSeenNs() >= 0 ? finding.firstSeenNs() : nowNs;
        // The header is bounded (hostname 255, MSGID 32, SD-ID 32) well inside the 480-byte minimum.
        buf.ascii("<" + (facility.code() * 8 + severityCode(finding.severity())) + ">1 " + timestamp(when) + " "
                + hostname + " " + APP_NAME + " " + procId + " " + printable(finding.rule().id(), MAX_NAME) + " ["
                + sdId);
        buf.limit(maxBytes - 1);
        params(finding);
        buf.limit(maxBytes);
        buf.ascii("]");
        if (buf.remaining() > 1 + BOM.length) {
            String title = finding.rule().title();
            String summary = finding.summary();
            buf.ascii(" ");
            buf.raw(BOM);
            if (buf.utf8(title, false) && !summary.isEmpty() && buf.ascii(": ")) {
                buf.utf8(summary, false);
            }
        }
        return buf.view();
    }

    private void params(Finding f) {
        StreamIdentity s = f.stream();
        param("rule", f.rule().id());
        param("severity", f.severity().label());
        if (s.file() != null) {
            param("camera", s.file());
        }
        if (s.sourceIp() != null) {
            param("src_ip", s.sourceIp());
            param("src_port", Integer.toString(s.sourcePort()));
        }
        if (s.destinationIp() != null) {
            param("dest_ip", s.destinationIp());
            param("dest_port", Integer.toString(s.destinationPort()));
        }
        if (s.protocol() != null) {
            param("proto", s.protocol());
        }
        if (s.track() >= 0) {
            param("track", Integer.toString(s.track()));
        }
        if (s.ssrc() >= 0) {
            param("ssrc", String.format("%08x", s.ssrc()));
        }
        param("count", Long.toString(f.count()));
        if (f.firstSeenNs() >= 0) {
            param("first_seen", FindingJson.iso(f.firstSeenNs()));
            param("last_seen", FindingJson.iso(f.lastSeenNs()));
        }
        if (f.byteOffset() >= 0) {
            param("byte_offset", Long.toString(f.byteOffset()));
        }
        for (Map.Entry<String, String> e : f.details().entrySet()) {
            param(evidenceName(e.getKey()), e.getValue());
        }
        if (!f.matchedHex().isEmpty()) {
            param("matched_hex", f.matchedHex());
        }
    }

    /** Appends {@code name="value"} whole, or, once one does not fit, nothing more. */
    private void param(String name, String value) {
        if (full) {
            return;
        }
        int mark = buf.length();
        if (!(buf.ascii(" ") && buf.ascii(name) && buf.ascii("=\"") && buf.utf8(value, true) && buf.ascii("\""))) {
            buf.truncate(mark);
            full = true;
        }
    }

    /** An evidence key as a PARAM-NAME; one that would pose as a core parameter gets an "evidence_" prefix. */
    static String evidenceName(String key) {
        StringBuilder sb = new StringBuilder(Math.min(key.length(), MAX_NAME));
        for (int i = 0; i < key.length() && sb.length() < MAX_NAME; i++) {
            char c = key.charAt(i);
            sb.append(c > ' ' && c < 0x7F && c != '=' && c != ']' && c != '"' ? c : '_');
        }
        String name = sb.length() == 0 ? "_" : sb.toString();
        if (CORE_NAMES.contains(name)) {
            name = "evidence_" + name;
        }
        return name;
    }

    /** RFC 3339 in UTC with microseconds, e.g. 2026-11-22T10:15:30.123456Z (TIME-SECFRAC allows 6 digits). */
    static String timestamp(long epochNs) {
        return TIMESTAMP.format(Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L),
                Math.floorMod(epochNs, 1_000_000_000L)));
    }

    /** {@code s} when it is 1 to {@code max} printable US-ASCII characters, else the NILVALUE "-". */
    private static String printable(String s, int max) {
        if (s == null || s.isEmpty() || s.length() > max) {
            return "-";
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) <= ' ' || s.charAt(i) >= 0x7F) {
                return "-";
            }
        }
        return s;
    }
}
