package io.airlock.proxy;

import io.airlock.config.AirlockConfig;
import io.airlock.config.CameraConfig;
import io.airlock.config.PolicyAction;
import io.airlock.config.RecorderConfig;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes between the running configuration and a new one, in the terms the proxy applies it: upstream streams
 * to add, remove or restart, whether recorder access or the policy changed, and which recorder sessions may stay.
 * Settings that cannot change while running keep their running values in {@link #applied()} and get a "needs a
 * restart" line. One line per change, for the log; lines name fields, never secret values.
 */
final class ConfigDiff {

    private final AirlockConfig running;
    private final AirlockConfig next;
    private final List<StreamSpec> added = new ArrayList<>();
    private final List<StreamSpec> removed = new ArrayList<>();
    private final List<StreamSpec> restarted = new ArrayList<>();
    private final Set<String> removedPaths = new HashSet<>();
    private final List<String> lines = new ArrayList<>();
    private boolean accessChanged;
    private boolean policyChanged;

    private ConfigDiff(AirlockConfig running, AirlockConfig next) {
        this.running = running;
        this.next = next;
    }

    /** The changes that take {@code running} to {@code next}. */
    static ConfigDiff between(AirlockConfig running, AirlockConfig next) {
        ConfigDiff d = new ConfigDiff(running, next);
        d.cameras();
        d.access();
        d.policy();
        d.lines.addAll(RestartOnlySettings.changes(running, next));
        for (StreamSpec s : d.removed) {
            d.removedPaths.add(s.path());
        }
        return d;
    }

    /** The configuration to run from now on: {@code next}, but with the running values of restart-only settings. */
    AirlockConfig applied() {
        return RestartOnlySettings.keep(running, next);
    }

    List<StreamSpec> added() {
        return added;
    }

    List<StreamSpec> removed() {
        return removed;
    }

    /** Streams whose upstream session must be replaced: the new spec of each. */
    List<StreamSpec> restarted() {
        return restarted;
    }

    boolean policyChanged() {
        return policyChanged;
    }

    /** One line per change, in the order: cameras, recorders, policy, settings that need a restart. */
    List<String> lines() {
        return lines;
    }

    /**
     * Whether a recorder session from {@code peer} playing {@code path} may stay: its stream still exists and the
     * new configuration admits it on the same terms. A recorder with credentials proved them under the old
     * configuration, so its session stays only while that recorder, with the same credentials, still may pull the
     * camera; Airlock does not know which recorder's credentials a session used, so any such recorder admitting the
     * address will do.
     */
    boolean keeps(InetSocketAddress peer, String path) {
        if (removedPaths.contains(path)) {
            return false;
        }
        if (!accessChanged) {
            return true;
        }
        int end = path.indexOf('/', 1);
        String name = end < 0 ? path.substring(1) : path.substring(1, end);
        CameraConfig before = running.camera(name);
        CameraConfig after = next.camera(name);
        if (before == null || after == null) {
            return false;
        }
        for (String recorderName : after.recorders()) {
            RecorderConfig r = next.recorder(recorderName);
            if (r == null || !r.admitsAddress(peer.getAddress())) {
                continue;
            }
            if (!r.hasCredentials()
                    || before.allows(recorderName) && sameCredentials(running.recorder(recorderName), r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameCredentials(RecorderConfig before, RecorderConfig after) {
        return before != null && Objects.equals(before.username(), after.username())
                && Objects.equals(before.password(), after.password());
    }

    private void cameras() {
        for (CameraConfig c : running.cameras()) {
            if (next.camera(c.name()) == null) {
                removed.addAll(StreamSpec.of(c));
                lines.add("camera " + c.name() + " removed");
            }
        }
        for (CameraConfig c : next.cameras()) {
            CameraConfig before = running.camera(c.name());
            if (before == null) {
                added.addAll(StreamSpec.of(c));
                lines.add("camera " + c.name() + " added: " + c.url()
                        + (c.profiles().isEmpty() ? "" : " and profiles " + c.profiles().keySet()));
            } else {
                streams(before, c);
            }
        }
    }

    /** Profile by profile, for a camera in both configurations. */
    private void streams(CameraConfig before, CameraConfig after) {
        Map<String, StreamSpec> old = new LinkedHashMap<>();
        for (StreamSpec s : StreamSpec.of(before)) {
            old.put(s.path(), s);
        }
        for (StreamSpec s : StreamSpec.of(after)) {
            StreamSpec prev = old.remove(s.path());
            if (prev == null) {
                added.add(s);
                lines.add(label(s) + " added: " + s.url());
            } else if (!prev.equals(s)) {
                restarted.add(s);
                lines.add(label(s) + " restarted: " + s.differences(prev) + " changed");
            }
        }
        for (StreamSpec s : old.values()) {
            removed.add(s);
            lines.add(label(s) + " removed");
        }
    }

    private static String label(StreamSpec s) {
        return "camera " + s.camera() + (s.profile() == null ? "" : " profile " + s.profile());
    }

    private void access() {
        int before = lines.size();
        for (RecorderConfig r : running.recorders()) {
            if (next.recorder(r.name()) == null) {
                lines.add("recorder " + r.name() + " removed");
            }
        }
        for (RecorderConfig r : next.recorders()) {
            RecorderConfig old = running.recorder(r.name());
            if (old == null) {
                lines.add("recorder " + r.name() + " added");
            } else if (!old.equals(r)) {
                List<String> fields = new ArrayList<>(2);
                if (!old.addresses().equals(r.addresses())) {
                    fields.add("addresses");
                }
                if (!sameCredentials(old, r)) {
                    fields.add("credentials");
                }
                lines.add("recorder " + r.name() + " changed: " + String.join(", ", fields));
            }
        }
        for (CameraConfig c : next.cameras()) {
            CameraConfig old = running.camera(c.name());
            if (old != null && !new LinkedHashSet<>(old.recorders()).equals(new LinkedHashSet<>(c.recorders()))) {
                lines.add("camera " + c.name() + " recorders " + old.recorders() + " -> " + c.recorders());
            }
        }
        accessChanged = lines.size() > before;
    }

    private void policy() {
        Set<String> ids = new LinkedHashSet<>(running.policy().actions().keySet());
        ids.addAll(next.policy().actions().keySet());
        for (String id : ids) {
            PolicyAction before = running.policy().action(id);
            PolicyAction after = next.policy().action(id);
            if (before != after) {
                lines.add("policy " + id + ": " + before.label() + " -> " + after.label());
                policyChanged = true;
            }
        }
    }
}
