package io.airlock.cli;

import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.MediaStreamView;
import io.airlock.inspect.StreamStats;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human report: per file, its streams, then its findings grouped by rule, then what could not be read. */
final class TextReport implements Report {

    private static final int MAX_STREAMS_LISTED = 50;
    private static final int MAX_FINDINGS_PER_RULE = 10;
    private static final int MAX_EVIDENCE_CHARS = 400;

    private final PrintStream out;
    private int files;
    private int unreadableFiles;
    private long findings;

    TextReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void file(InspectionResult r) {
        files++;
        out.printf(Locale.ROOT, "%s  (%s, %s)%n", r.file(), r.format().description(), bytes(r.size()));
        streams(r);
        findings(r);
        damage(r);
        out.printf(Locale.ROOT, "  read %s in %.2f s (%s/s), %d packets%n", bytes(r.bytesRead()),
                r.elapsedNs() / 1e9, bytes((long) r.bytesPerSecond()), r.packets());
        out.println();
    }

    private void streams(InspectionResult r) {
        List<MediaStreamView> streams = r.streams();
        if (streams.isEmpty()) {
            out.println("  no media streams found" + (r.rtspMessages() > 0 ? " (" + r.rtspMessages()
                    + " RTSP messages)" : ""));
            return;
        }
        out.println("  streams:");
        int shown = 0;
        for (MediaStreamView s : streams) {
            if (shown++ == MAX_STREAMS_LISTED) {
                out.printf("    ... and %d more streams (use --json for all)%n", streams.size() - MAX_STREAMS_LISTED);
                break;
            }
            StreamStats st = s.stats();
            out.printf(Locale.ROOT, "    %s%n", s.identity().describe());
            StringBuilder line = new StringBuilder("      ");
            line.append(st.codec().displayName());
            if (st.encodingName() != null && st.codec().displayName().equals("unknown")) {
                line.append(" (").append(st.encodingName()).append(')');
            }
            if (st.width() > 0) {
                line.append(' ').append(st.width()).append('x').append(st.height());
            }
            if (st.profile() != null) {
                line.append(", ").append(st.profile());
            }
            line.append(", ").append(st.fps() > 0 ? String.format(Locale.ROOT, "%.2f fps", st.fps()) : "fps n/a");
            line.append(", ").append(st.bitrate() > 0 ? bitrate(st.bitrate()) : "bitrate n/a");
            line.append(", GOP ").append(st.gopLength() > 0 ? Long.toString(st.gopLength()) : "n/a");
            out.println(line);
            out.printf(Locale.ROOT, "      %d packets/chunks, %s, %d frames (%d key), %d NAL units%s%n", st.packets(),
                    bytes(st.bytes()), st.frames(), st.keyframes(), st.nalUnits(),
                    st.lostPackets() > 0 ? ", " + st.lostPackets() + " RTP packets lost" : "");
            Map<Integer, Long> sei = st.seiCounts();
            if (!sei.isEmpty()) {
                List<String> parts = new ArrayList<>();
                sei.forEach((type, count) -> parts.add(type + " " + SeiNames.of(type) + " x" + count));
                out.println("      SEI: " + String.join(", ", parts));
            }
            out.println("      vendor: " + (st.fingerprints().isEmpty() ? "no fingerprint"
                    : String.join("; ", st.fingerprints())));
        }
    }

    private void findings(InspectionResult r) {
        if (r.findings().isEmpty()) {
            out.println("  findings: none");
            return;
        }
        Map<Rule, List<Finding>> byRule = new EnumMap<>(Rule.class);
        for (Finding f : r.findings()) {
            byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
        }
        findings += r.findings().size();
        out.printf("  findings (%d):%n", r.findings().size());
        for (Map.Entry<Rule, List<Finding>> e : byRule.entrySet()) {
            Rule rule = e.getKey();
            long total = 0;
            for (Finding f : e.getValue()) {
                total += f.count();
            }
            out.printf(Locale.ROOT, "    %s [%s] %s: %d stream(s), %d occurrence(s)%n", rule.id(),
                    e.getValue().get(0).severity().label(), rule.title(), e.getValue().size(), total);
            int shown = 0;
            for (Finding f : e.getValue()) {
                if (shown++ == MAX_FINDINGS_PER_RULE) {
                    out.printf("      ... and %d more%n", e.getValue().size() - MAX_FINDINGS_PER_RULE);
                    break;
                }
                out.printf(Locale.ROOT, "      %s x%d: %s%s%n", f.stream().describe(), f.count(), f.summary(),
                        f.byteOffset() >= 0 ? " (first at byte " + f.byteOffset() + ")" : "");
                if (!f.details().isEmpty()) {
                    out.println("        evidence: " + evidence(f));
                }
                if (!f.matchedHex().isEmpty()) {
                    out.println("        bytes: " + f.matchedHex());
                }
            }
        }
    }

    private void damage(InspectionResult r) {
        if (r.unreadable() == 0 && r.problem() == null) {
            return;
        }
        out.printf("  could not read: %d unit(s)%n", r.unreadable());
        r.rejections().forEachCount((reason, count) -> out.printf(Locale.ROOT, "    %-6s %-24s x%-6d %s%n",
                reason.layer(), reason.name(), count, reason.description()));
        if (r.problem() != null) {
            out.println("    stopped early: " + r.problem());
        }
    }

    @Override
    public void unreadable(Path file, String message) {
        unreadableFiles++;
        out.println(file + "  (unreadable)");
        out.println("  " + message);
        out.println();
    }

    @Override
    public void end(List<InspectionResult> results) {
        if (files + unreadableFiles > 1) {
            out.printf("%d file(s) inspected, %d unreadable, %d finding(s)%n", files, unreadableFiles, findings);
        }
    }

    private static String evidence(Finding f) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : f.details().entrySet()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
            if (sb.length() > MAX_EVIDENCE_CHARS) {
                sb.setLength(MAX_EVIDENCE_CHARS);
                sb.append('…');
                break;
            }
        }
        return sb.toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1 << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
    }

    static String bitrate(double bps) {
        if (bps >= 1e6) {
            return String.format(Locale.ROOT, "%.2f Mbit/s", bps / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kbit/s", bps / 1e3);
    }
}
