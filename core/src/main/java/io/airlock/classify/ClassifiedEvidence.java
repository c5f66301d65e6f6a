package io.airlock.classify;

import java.util.Map;

/** What a payload showed, for a finding: one line and decoded values. */
public record ClassifiedEvidence(String summary, Map<String, String> details) {
}
