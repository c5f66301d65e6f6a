package io.airlock.alert;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Aggregates findings: one per stream per rule. Owned by a single inspector thread; a repeat costs one identity-map
 * lookup and no allocation, so a camera that trips a rule on every packet cannot flood the sinks.
 *
 * <p>Streams are keyed by identity (a {@code Track} or a {@code Flow}), which live as long as the stream.
 */
public final class FindingTable {

    private static final Rule[] RULES = Rule.values();

    private final Map<Object, Finding[]> byStream = new IdentityHashMap<>();
    private final List<Finding> all = new ArrayList<>();
    private final FindingSink sink;
    private final int maxFindings;
    private long suppressed;

    /**
     * @param sink        told of each new finding
     * @param maxFindings bound on distinct findings kept; beyond it repeats are still counted but new ones dropped
     */
    public FindingTable(FindingSink sink, int maxFindings) {
        this.sink = sink;
        this.maxFindings = maxFindings;
    }

    /**
     * Records one occurrence of {@code rule} on {@code stream}. Returns the existing finding after counting the repeat,
     * or null when this is the first occurrence: the caller then builds the evidence and calls {@link #add}.
     */
    public Finding repeat(Rule rule, Object stream, long nowNs) {
        Finding[] slots = byStream.get(stream);
        if (slots == null) {
            return null;
        }
        Finding f = slots[rule.ordinal()];
        if (f != null) {
            f.repeat(nowNs);
        }
        return f;
    }

    /** The finding of {@code rule} on {@code stream}, or null; counts nothing. */
    public Finding find(Rule rule, Object stream) {
        Finding[] slots = byStream.get(stream);
        return slots == null ? null : slots[rule.ordinal()];
    }

    /** True when {@code rule} already has a finding for {@code stream}. */
    public boolean seen(Rule rule, Object stream) {
        Finding[] slots = byStream.get(stream);
        return slots != null && slots[rule.ordinal()] != null;
    }

    /** Adds the first occurrence of a finding on {@code stream} and tells the sink. */
    public Finding add(Object stream, Finding finding) {
        if (all.size() >= maxFindings) {
            suppressed++;
            return finding;
        }
        Finding[] slots = byStream.computeIfAbsent(stream, k -> new Finding[RULES.length]);
        if (slots[finding.rule().ordinal()] != null) {
            slots[finding.rule().ordinal()].repeat(finding.firstSeenNs());
            return slots[finding.rule().ordinal()];
        }
        slots[finding.rule().ordinal()] = finding;
        all.add(finding);
        sink.onFinding(finding);
        return finding;
    }

    /**
     * Convenience for callers whose evidence is cheap to build: counts a repeat, or creates the finding with
     * {@code factory} on first occurrence.
     */
    public Finding raise(Rule rule, Object stream, long nowNs, Supplier<Finding> factory) {
        Finding f = repeat(rule, stream, nowNs);
        return f != null ? f : add(stream, factory.get());
    }

    /** Every finding so far, in the order first raised. Read after the pipeline has drained. */
    public List<Finding> findings() {
        return all;
    }

    /** New findings dropped because {@code maxFindings} was reached. */
    public long suppressed() {
        return suppressed;
    }
}
