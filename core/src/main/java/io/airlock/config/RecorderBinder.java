package io.airlock.config;

import java.util.ArrayList;
import java.util.List;

/** Reads one item of {@code recorders:} into a {@link RecorderConfig}. */
final class RecorderBinder {

    static final int MAX_ADDRESSES = 256;

    private static final List<String> KEYS = List.of("name", "addresses", "username", "password");

    private RecorderBinder() {
    }

    /** The recorder, or null when it has a problem (all of which are reported). */
    static RecorderConfig bind(YamlNode node, int index, SecretResolver secrets, Problems problems) {
        int before = problems.count();
        String name = BinderSupport.name(node, "recorder #" + (index + 1), problems);
        String what = name == null ? "recorder #" + (index + 1) : "recorder '" + name + "'";
        Fields f = Fields.of(node, what, KEYS, problems);
        List<Cidr> addresses = new ArrayList<>();
        for (YamlNode item : f.list("addresses", MAX_ADDRESSES)) {
            String text = f.itemText(item, "addresses");
            if (text == null) {
                continue;
            }
            Cidr.Parsed parsed = Cidr.parse(text);
            if (parsed.cidr() == null) {
                problems.error(item, "address '" + Text.safe(text) + "' of " + what + ": " + parsed.problem());
            } else {
                addresses.add(parsed.cidr());
            }
        }
        BinderSupport.Credentials credentials = BinderSupport.credentials(f, what, secrets, problems);
        if (problems.count() != before || name == null) {
            return null;
        }
        if (addresses.isEmpty() && credentials.username() == null) {
            problems.error(f.at(), what + " has neither 'addresses' nor 'username'/'password': it would admit anyone");
            return null;
        }
        return new RecorderConfig(name, addresses, credentials.username(), credentials.password());
    }
}
