package io.airlock.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one item of {@code cameras:} into a {@link CameraConfig}; recorder references are checked later. */
final class CameraBinder {

    /** Names become URL path segments ({@code rtsp://airlock:8554/<camera>/<profile>}) and metric labels. */
    static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    static final int MAX_PROFILES = 32;
    static final int MAX_RECORDERS_PER_CAMERA = 256;

    private static final List<String> KEYS = List.of("name", "url", "username", "password", "transport",
            "profiles", "recorders", "keepalive");

    private CameraBinder() {
    }

    /** The camera, or null when it has a problem (all of which are reported). */
    static CameraConfig bind(YamlNode node, int index, SecretResolver secrets, Problems problems) {
        int before = problems.count();
        String name = BinderSupport.name(node, "camera #" + (index + 1), problems);
        String what = name == null ? "camera #" + (index + 1) : "camera '" + name + "'";
        Fields f = Fields.of(node, what, KEYS, problems);
        URI url = url(f, "url", f.text("url", true), problems);
        BinderSupport.Credentials credentials = BinderSupport.credentials(f, what, secrets, problems);
        Transport transport = transport(f, problems);
        Map<String, URI> profiles = profiles(f, what, problems);
        List<String> recorders = new ArrayList<>();
        for (YamlNode item : f.list("recorders", MAX_RECORDERS_PER_CAMERA)) {
            String r = f.itemText(item, "recorders");
            if (r != null) {
                recorders.add(r);
            }
        }
        if (f.node("recorders") == null && f.mapping()) {
            problems.error(f.at(), what + " needs 'recorders': the recorders allowed to pull it");
        }
        Duration keepalive = f.duration("keepalive", CameraConfig.DEFAULT_KEEPALIVE, Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        if (problems.count() != before || name == null || url == null) {
            return null;
        }
        return new CameraConfig(name, url, credentials.username(), credentials.password(), transport, profiles,
                recorders, keepalive);
    }

    private static URI url(Fields f, String key, String text, Problems problems) {
        if (text == null) {
            return null;
        }
        RtspUrls.Checked c = RtspUrls.check(text);
        if (c.problem() != null) {
            problems.error(f.node(key), "'" + key + "': " + c.problem());
        }
        return c.uri();
    }

    private static Transport transport(Fields f, Problems problems) {
        String t = f.text("transport", false);
        if (t == null) {
            return Transport.AUTO;
        }
        Transport transport = Transport.byLabel(t);
        if (transport == null) {
            problems.error(f.node("transport"), "'transport' must be auto, udp or tcp, found '" + Text.safe(t) + "'");
            return Transport.AUTO;
        }
        return transport;
    }

    private static Map<String, URI> profiles(Fields f, String what, Problems problems) {
        Map<String, URI> profiles = new LinkedHashMap<>();
        YamlNode node = f.node("profiles");
        if (node == null || node instanceof YamlNode.Scalar s && s.empty()) {
            return profiles;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.error(node, "'profiles' of " + what + " must map profile names to rtsp:// URLs, found "
                    + node.kind());
            return profiles;
        }
        if (m.entries().size() > MAX_PROFILES) {
            problems.error(node, what + " has more than " + MAX_PROFILES + " profiles");
            return profiles;
        }
        List<String> names = new ArrayList<>();
        for (YamlNode.Entry e : m.entries()) {
            names.add(e.key().text());
        }
        Fields pf = Fields.of(node, "'profiles' of " + what, names, problems);
        Set<String> seen = new HashSet<>();
        for (YamlNode.Entry e : m.entries()) {
            String profile = e.key().text();
            if (!NAME.matcher(profile).matches()) {
                problems.error(e.key(), "profile name '" + Text.safe(profile) + "' must be 1-64 of a-z 0-9 _ -");
            } else if (seen.add(profile)) {
                URI uri = url(pf, profile, pf.text(profile, true), problems);
                if (uri != null) {
                    profiles.put(profile, uri);
                }
            }
        }
        return profiles;
    }
}
