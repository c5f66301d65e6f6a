package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.wire.RejectionCounters;

/**
 * What one inspector thread shares with the per-stream objects it drives: the time of the event being handled, the
 * finding table it owns and its rejection counters. Single-threaded by construction.
 */
public final class InspectionContext {

    private final FindingTable findings;
    private final RejectionCounters rejections = new RejectionCounters();
    private long nowNs = -1;
    private long sourceOffset = -1;

    public InspectionContext(FindingTable findings) {
        this.findings = findings;
    }

    /** Sets the clock and position of the event about to be handled. */
    public void onEvent(long nowNs, long sourceOffset) {
        this.nowNs = nowNs;
        this.sourceOffset = sourceOffset;
    }

    public long nowNs() {
        return nowNs;
    }

    public long sourceOffset() {
        return sourceOffset;
    }

    public FindingTable findings() {
        return findings;
    }

    public RejectionCounters rejections() {
        return rejections;
    }

    /**
     * Counts a repeat of {@code rule} on {@code stream} and returns null, or, on its first occurrence, returns a new
     * finding for the caller to fill and pass to {@link #report}. Allocation happens only on first occurrence.
     */
    public Finding hit(Rule rule, Object stream, StreamIdentity identity, long byteOffset) {
        if (findings.repeat(rule, stream, nowNs) != null) {
            return null;
        }
        return new Finding(rule, rule.severity(), identity, nowNs, byteOffset);
    }

    /** Adds a finding built after {@link #hit} returned it. */
    public void report(Object stream, Finding finding) {
        findings.add(stream, finding);
    }
}
