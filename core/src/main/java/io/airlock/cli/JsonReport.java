package io.airlock.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.airlock.alert.Finding;
import io.airlock.alert.FindingJson;
import io.airlock.alert.StreamIdentity;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.MediaStreamView;
import io.airlock.inspect.StreamStats;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * JSON lines: one {@code "event_type":"stream"} object per stream, one {@code "alert"} per finding, and one
 * {@code "file"} object per input with what could not be read.
 */
final class JsonReport implements Report {

    private final PrintStream out;
    private final JsonFactory factory = new JsonFactory();

    JsonReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void file(InspectionResult r) {
        long now = System.currentTimeMillis() * 1_000_000L;
        for (MediaStreamView s : r.streams()) {
            line(g -> stream(g, s, now));
        }
        for (Finding f : r.findings()) {
            line(g -> FindingJson.write(g, f, now));
        }
        line(g -> {
            g.writeStartObject();
            g.writeStringField("timestamp", FindingJson.iso(now));
            g.writeStringField("event_type", "file");
            g.writeStringField("file", r.file().toString());
            g.writeStringField("format", r.format().name().toLowerCase());
            g.writeNumberField("size", r.size());
            g.writeNumberField("bytes_read", r.bytesRead());
            g.writeNumberField("elapsed_ms", r.elapsedNs() / 1_000_000);
            g.writeNumberField("streams", r.streams().size());
            g.writeNumberField("findings", r.findings().size());
            g.writeNumberField("unreadable", r.unreadable());
            g.writeObjectFieldStart("unreadable_by_reason");
            r.rejections().forEachCount((reason, count) -> {
                try {
                    g.writeNumberField(reason.layer() + "." + reason.name(), count);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndObject();
            if (r.problem() != null) {
                g.writeStringField("problem", r.problem());
            }
            g.writeEndObject();
        });
    }

    private static void stream(JsonGenerator g, MediaStreamView s, long now) throws IOException {
        StreamStats st = s.stats();
        StreamIdentity id = s.identity();
        g.writeStartObject();
        g.writeStringField("timestamp", FindingJson.iso(now));
        g.writeStringField("event_type", "stream");
        g.writeNullField("rule");
        g.writeNullField("severity");
        FindingJson.writeIdentity(g, id);
        g.writeNumberField("count", st.packets());
        g.writeStringField("codec", st.codec().displayName());
        if (st.encodingName() != null) {
            g.writeStringField("encoding", st.encodingName());
        }
        if (st.width() > 0) {
            g.writeNumberField("width", st.width());
            g.writeNumberField("height", st.height());
        }
        if (st.profile() != null) {
            g.writeStringField("profile", st.profile());
        }
        g.writeNumberField("fps", Math.round(st.fps() * 1000) / 1000.0);
        g.writeNumberField("bitrate_bps", Math.round(st.bitrate()));
        g.writeNumberField("gop_length", st.gopLength());
        g.writeNumberField("frames", st.frames());
        g.writeNumberField("keyframes", st.keyframes());
        g.writeNumberField("packets", st.packets());
        g.writeNumberField("bytes", st.bytes());
        g.writeNumberField("lost_packets", st.lostPackets());
        g.writeNumberField("duration_s", Math.round(st.durationSeconds() * 1000) / 1000.0);
        g.writeObjectFieldStart("sei_types");
        for (Map.Entry<Integer, Long> e : st.seiCounts().entrySet()) {
            g.writeNumberField(Integer.toString(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("vendor_fingerprints");
        for (String fp : st.fingerprints()) {
            g.writeString(fp);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("evidence");
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    public void unreadable(Path file, String message) {
        long now = System.currentTimeMillis() * 1_000_000L;
        line(g -> {
            g.writeStartObject();
            g.writeStringField("timestamp", FindingJson.iso(now));
            g.writeStringField("event_type", "file");
            g.writeStringField("file", file.toString());
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    @Override
    public void end(List<InspectionResult> results) {
        out.flush();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void line(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(w);
    }
}
