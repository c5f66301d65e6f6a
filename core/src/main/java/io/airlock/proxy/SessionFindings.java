package io.airlock.proxy;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings about sessions rather than packets (a recorder refused, a camera naming another source, RTP from a
 * foreign port): raised on event-loop threads, rarely, so one lock is enough. Aggregated like the inspectors'
 * findings: one per subject per rule, counted.
 */
final class SessionFindings {

    /** Distinct subjects kept; beyond it (a client spraying source addresses) they share one finding. */
    private static final int MAX_SUBJECTS = 10_000;
    private static final String OVERFLOW = "overflow";

    private final FindingTable table;
    /** Canonical key per subject text: the finding table keys streams by identity. */
    private final Map<String, String> subjects = new HashMap<>();

    SessionFindings(FindingSink sink) {
        this.table = new FindingTable(sink, 10_000);
    }

    /** Raises {@code rule} about {@code subject} (a stable key: a camera name, a recorder address). */
    synchronized void raise(Rule rule, String subject, StreamIdentity identity, String summary, String key,
                            String value) {
        Object stream = subjects.computeIfAbsent(subject, k -> subjects.size() < MAX_SUBJECTS ? k : OVERFLOW);
        long now = System.currentTimeMillis() * 1_000_000L;
        if (table.repeat(rule, stream, now) == null) {
            table.add(stream, new Finding(rule, rule.severity(), identity, now, -1).summary(summary)
                    .detail(key, value));
        }
    }

    synchronized List<Finding> findings() {
        return List.copyOf(table.findings());
    }
}
