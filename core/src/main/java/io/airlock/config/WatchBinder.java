package io.airlock.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the {@code watch:} section. */
final class WatchBinder {

    private static final List<String> KEYS = List.of("interface", "bpf_filter", "promiscuous", "snaplen", "ntp", "dns",
            "allow", "max_flows", "max_flows_per_camera", "flow_idle");
    private static final int MAX_ADDRESSES = 1024;

    private WatchBinder() {
    }

    static WatchSettings bind(YamlNode node, Problems problems) {
        Fields f = Fields.of(node, "watch", KEYS, problems);
        String iface = f.text("interface", false);
        if (iface != null && !iface.matches("[A-Za-z0-9_.:@-]{1,15}")) {
            problems.error(f.node("interface"), "'interface' must be a network interface name such as eth1 (see"
                    + " 'ip link'), found '" + Text.safe(iface) + "'");
        }
        String filter = f.text("bpf_filter", false);
        boolean promiscuous = bool(f, "promiscuous", problems);
        int snaplen = f.integer("snaplen", WatchSettings.DEFAULT_SNAPLEN, 256, 65_535);
        List<String> ntp = addresses(f, "ntp", false, problems);
        List<String> dns = addresses(f, "dns", false, problems);
        List<String> allow = addresses(f, "allow", true, problems);
        int maxFlows = f.integer("max_flows", WatchSettings.DEFAULT_MAX_FLOWS, 1024, 1 << 24);
        int perCamera = f.integer("max_flows_per_camera", WatchSettings.DEFAULT_MAX_FLOWS_PER_CAMERA, 16, 1 << 24);
        if (perCamera > maxFlows) {
            problems.error(f.node("max_flows_per_camera"), "'max_flows_per_camera' (" + perCamera
                    + ") cannot exceed 'max_flows' (" + maxFlows + ")");
        }
        Duration idle = f.duration("flow_idle", WatchSettings.DEFAULT_FLOW_IDLE, Duration.ofSeconds(5),
                Duration.ofHours(24));
        return new WatchSettings(iface, filter, promiscuous, snaplen, ntp, dns, allow, maxFlows, perCamera, idle);
    }

    private static boolean bool(Fields f, String key, Problems problems) {
        String text = f.text(key, false);
        if (text == null) {
            return false;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                problems.error(f.node(key), "'" + key + "' must be true or false, found '" + Text.safe(text) + "'");
                return false;
        }
    }

    private static List<String> addresses(Fields f, String key, boolean blocks, Problems problems) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : f.list(key, MAX_ADDRESSES)) {
            String text = f.itemText(item, key);
            if (text == null) {
                continue;
            }
            String trimmed = text.trim();
            Cidr.Parsed parsed = Cidr.parse(trimmed);
            if (parsed.cidr() == null || !blocks && trimmed.contains("/")) {
                problems.error(item, "'" + key + "' entries must be IP addresses" + (blocks ? " or blocks" : "")
                        + " such as 10.1.0.53" + (blocks ? " or 10.1.0.0/24" : "") + ", found '" + Text.safe(text)
                        + "'");
                continue;
            }
            out.add(trimmed);
        }
        return out;
    }
}
