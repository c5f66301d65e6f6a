package io.airlock.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a finding shows about a classified flow: a one-line summary and named details in a stable order, free of
 * credentials and control characters.
 *
 * @param summary one line for a report, e.g. "DNS query for dev.hik-connect.com"
 * @param details e.g. {@code qname}, {@code sni}, {@code matched_hex}; unmodifiable, in insertion order
 */
public record ClassifiedEvidence(String summary, Map<String, String> details) {

    public ClassifiedEvidence {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
