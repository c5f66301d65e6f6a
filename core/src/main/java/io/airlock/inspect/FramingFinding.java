package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.alert.Rule;

/**
 * The single finding a vendor-framing rule (MED-01, MED-04) keeps per stream: raised with the evidence of the first
 * occurrence, counted on repeats, and given the stream's totals when the stream ends.
 */
final class FramingFinding {

    private final Rule rule;
    private final MediaStream stream;
    private final InspectionContext context;
    private Finding finding;

    FramingFinding(Rule rule, MediaStream stream, InspectionContext context) {
        this.rule = rule;
        this.stream = stream;
        this.context = context;
    }

    /** Counts an occurrence; the first one becomes the finding, with this evidence. */
    void raise(long offset, String summary, String key, String value, String matchedHex) {
        Finding f = context.hit(rule, stream, stream.identity(), offset);
        if (f != null) {
            finding = f;
            context.report(stream, f.summary(summary).detail(key, value).matched(matchedHex));
        }
    }

    /** Adds a total to the finding, if one was raised. */
    FramingFinding total(String key, long value) {
        if (finding != null) {
            finding.detail(key, value);
        }
        return this;
    }
}
