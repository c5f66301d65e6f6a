package io.airlock.proxy;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;

import java.util.List;

/**
 * Findings about sessions rather than packets (a recorder refused, a camera naming another source, RTP from a
 * foreign port): raised on event-loop threads, rarely, so one lock is enough. Aggregated like the inspectors'
 * findings: one per subject per rule, counted.
 */
final class SessionFindings {

    private final FindingTable table;

    SessionFindings(FindingSink sink) {
        this.table = new FindingTable(sink, 10_000);
    }

    /** Raises {@code rule} about {@code subject} (a stable key: a camera name, a recorder address). */
    synchronized void raise(Rule rule, String subject, StreamIdentity identity, String summary, String key,
                            String value) {
        Object stream = subject.intern();
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
