package io.airlock.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The action per rule. Rules not listed {@code alert}. Ids are the detection catalogue's: the rules Airlock
 * implements ({@link io.airlock.alert.Rule}) and the catalogue's other ids (NET-01..., CVE-2021-36260) so that a
 * policy can be written before its rule ships.
 *
 * @param actions rule id (upper case) to action, in file order
 */
public record Policy(Map<String, PolicyAction> actions) {

    /** Ids of the catalogue's families: MED-01, RTSP-01, NET-01, CVE-2021-36260. */
    static final Pattern CATALOGUE_ID = Pattern.compile("(MED|RTSP|NET)-\\d{2}|CVE-\\d{4}-\\d{4,7}");

    public Policy {
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    }

    /** The empty policy: every rule alerts. */
    public static Policy defaults() {
        return new Policy(Map.of());
    }

    /** The action for rule {@code ruleId} (any case): as configured, else {@link PolicyAction#ALERT}. */
    public PolicyAction action(String ruleId) {
        PolicyAction a = actions.get(ruleId.toUpperCase(Locale.ROOT));
        return a == null ? PolicyAction.ALERT : a;
    }

    /** "RTSP-01 block, others alert", or "every rule alerts". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, PolicyAction> e : actions.entrySet()) {
            sb.append(e.getKey()).append(' ').append(e.getValue().label()).append(", ");
        }
        return sb.length() == 0 ? "every rule alerts" : sb.append("others alert").toString();
    }
}
