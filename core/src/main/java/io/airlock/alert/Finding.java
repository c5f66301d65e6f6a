package io.airlock.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule matched on one stream, aggregated: the evidence of the first occurrence, then a count and the time of the
 * last. Written by the single inspector thread that owns the rule; read by sinks. The counters are volatile so a sink
 * reading a live finding sees a recent value.
 */
public final class Finding {

    private static final int MAX_DETAILS = 16;
    private static final int MAX_DETAIL_CHARS = 256;

    private final Rule rule;
    private final Severity severity;
    private final StreamIdentity stream;
    private final long firstSeenNs;
    private final long byteOffset;
    private final Map<String, String> details = new LinkedHashMap<>();
    private String summary = "";
    private String matchedHex = "";
    private volatile long lastSeenNs;
    private volatile long count;

    public Finding(Rule rule, Severity severity, StreamIdentity stream, long firstSeenNs, long byteOffset) {
        this.rule = rule;
        this.severity = severity;
        this.stream = stream;
        this.firstSeenNs = firstSeenNs;
        this.lastSeenNs = firstSeenNs;
        this.byteOffset = byteOffset;
        this.count = 1;
    }

    /** Adds a decoded value to the evidence; bounded in number and length because values may come from the wire. */
    public Finding detail(String key, Object value) {
        if (details.size() < MAX_DETAILS || details.containsKey(key)) {
            details.put(key, clip(String.valueOf(value)));
        }
        return this;
    }

    /** One line saying what was seen, e.g. "SEI payload type 229 (HiSilicon encoder)". */
    public Finding summary(String summary) {
        this.summary = clip(summary);
        return this;
    }

    /** The matched bytes as hex, already truncated by the caller with {@link io.airlock.wire.Hex}. */
    public Finding matched(String hex) {
        this.matchedHex = hex == null ? "" : hex;
        return this;
    }

    /** Counts another occurrence. Only the owning inspector thread calls this. */
    void repeat(long nowNs) {
        count = count + 1;
        if (nowNs > lastSeenNs) {
            lastSeenNs = nowNs;
        }
    }

    public Rule rule() {
        return rule;
    }

    public Severity severity() {
        return severity;
    }

    public StreamIdentity stream() {
        return stream;
    }

    /** Epoch nanoseconds of the first occurrence, or -1 when the source has no clock. */
    public long firstSeenNs() {
        return firstSeenNs;
    }

    public long lastSeenNs() {
        return lastSeenNs;
    }

    public long count() {
        return count;
    }

    /** Byte offset of the first occurrence in the source file, or -1. */
    public long byteOffset() {
        return byteOffset;
    }

    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    public String summary() {
        return summary;
    }

    public String matchedHex() {
        return matchedHex;
    }

    private static String clip(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_DETAIL_CHARS));
        for (int i = 0; i < s.length() && sb.length() < MAX_DETAIL_CHARS; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '.' : c);
        }
        if (s.length() > MAX_DETAIL_CHARS) {
            sb.append('…');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return rule.id() + " " + severity.label() + " " + stream.describe() + " x" + count + " " + summary;
    }
}
