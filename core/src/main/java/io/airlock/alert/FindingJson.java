package io.airlock.alert;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The one JSON shape of a finding, shared by {@code airlock inspect --json} and the alert sinks: flat, SIEM-friendly
 * fields ({@code timestamp}, {@code event_type}, {@code rule}, {@code severity}, 5-tuple, {@code file},
 * {@code count}) plus an {@code evidence} object.
 */
public final class FindingJson {

    private FindingJson() {
    }

    /** Writes {@code finding} as one JSON object; {@code nowNs} stands in for a missing capture clock. */
    public static void write(JsonGenerator g, Finding finding, long nowNs) throws IOException {
        StreamIdentity s = finding.stream();
        g.writeStartObject();
        g.writeStringField("timestamp", iso(finding.firstSeenNs() >= 0 ? finding.firstSeenNs() : nowNs));
        g.writeStringField("event_type", "alert");
        g.writeStringField("rule", finding.rule().id());
        g.writeStringField("severity", finding.severity().label());
        g.writeStringField("title", finding.rule().title());
        g.writeStringField("summary", finding.summary());
        writeIdentity(g, s);
        g.writeNumberField("count", finding.count());
        if (finding.firstSeenNs() >= 0) {
            g.writeStringField("first_seen", iso(finding.firstSeenNs()));
            g.writeStringField("last_seen", iso(finding.lastSeenNs()));
        }
        g.writeObjectFieldStart("evidence");
        if (finding.byteOffset() >= 0) {
            g.writeNumberField("byte_offset", finding.byteOffset());
        }
        for (Map.Entry<String, String> e : finding.details().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        if (!finding.matchedHex().isEmpty()) {
            g.writeStringField("matched_hex", finding.matchedHex());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The stream fields every event line carries; absent values are written as JSON null. */
    public static void writeIdentity(JsonGenerator g, StreamIdentity s) throws IOException {
        nullable(g, "src_ip", s.sourceIp());
        port(g, "src_port", s.sourceIp() == null ? -1 : s.sourcePort());
        nullable(g, "dest_ip", s.destinationIp());
        port(g, "dest_port", s.destinationIp() == null ? -1 : s.destinationPort());
        nullable(g, "proto", s.protocol());
        nullable(g, "file", s.file());
        if (s.track() >= 0) {
            g.writeNumberField("track", s.track());
        }
        if (s.ssrc() >= 0) {
            g.writeStringField("ssrc", String.format("%08x", s.ssrc()));
        }
    }

    /** Epoch nanoseconds as ISO-8601 UTC. */
    public static String iso(long epochNs) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L))
                .toString();
    }

    private static void nullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void port(JsonGenerator g, String name, int port) throws IOException {
        if (port < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, port);
        }
    }
}
