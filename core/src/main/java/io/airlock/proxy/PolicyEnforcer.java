package io.airlock.proxy;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.config.Policy;
import io.airlock.config.PolicyAction;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@code policy: RULE: block}. A finding of a rule set to block, about a camera's stream, stops the egress of
 * that track (or, for a finding about the whole session, of every track of the camera): recorders keep their sessions
 * but receive nothing more. Findings about recorders (RTSP-05, RTSP-06) and refused SETUPs are blocked by nature and
 * change nothing here. Every finding still goes on to the next sink.
 *
 * <p>A reloaded policy applies to what was already found, since findings are raised once per stream: a rule newly set
 * to block stops the tracks it fired on, and a rule no longer set to block lets its tracks flow again. A block
 * otherwise lasts until the camera is removed or Airlock restarts.
 */
final class PolicyEnforcer implements FindingSink {

    /** Distinct (camera, rule, track) findings remembered for a policy reload; beyond it, later ones are not. */
    private static final int MAX_REMEMBERED = 4096;

    /** One rule that fired on one track of one camera (track -1: the whole session). */
    private record Fired(String camera, Rule rule, int track) {
    }

    private final FindingSink next;
    private final PrintStream log;
    private final Map<String, ProxiedCamera> cameras = new ConcurrentHashMap<>();
    private final Set<Fired> fired = ConcurrentHashMap.newKeySet();
    private Policy policy;

    PolicyEnforcer(Policy policy, FindingSink next, PrintStream log) {
        this.policy = policy;
        this.next = next;
        this.log = log;
    }

    void camera(ProxiedCamera camera) {
        cameras.put(camera.name(), camera);
    }

    /** The camera is gone: nothing to block, nothing to remember. */
    void forget(String camera) {
        cameras.remove(camera);
        fired.removeIf(f -> f.camera().equals(camera));
    }

    /**
     * Applies {@code next} from now on and to the findings so far.
     *
     * @return one line per camera whose forwarding changed
     */
    synchronized List<String> policy(Policy next) {
        policy = next;
        List<String> lines = new ArrayList<>();
        for (ProxiedCamera camera : cameras.values()) {
            List<Integer> resumed = camera.unblock(rule -> next.action(rule.id()) != PolicyAction.BLOCK);
            if (!resumed.isEmpty()) {
                lines.add("camera " + camera.name() + ": policy no longer blocks; forwarding track(s) " + resumed
                        + " again");
            }
        }
        for (Fired f : fired) {
            if (next.action(f.rule().id()) == PolicyAction.BLOCK) {
                String line = block(f.camera(), f.rule(), f.track());
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    @Override
    public void onFinding(Finding finding) {
        next.onFinding(finding);
        Rule rule = finding.rule();
        String camera = finding.stream().file();
        if (rule == Rule.RTSP_05 || rule == Rule.RTSP_06 || camera == null || !cameras.containsKey(camera)) {
            return;
        }
        int track = finding.stream().track();
        String line = null;
        synchronized (this) {
            if (fired.size() < MAX_REMEMBERED) {
                fired.add(new Fired(camera, rule, track));
            }
            if (policy.action(rule.id()) == PolicyAction.BLOCK) {
                line = block(camera, rule, track);
            }
        }
        if (line != null) {
            log.println("airlock: " + line);
        }
    }

    /** Blocks and says so, or null when there was nothing left to block. */
    private String block(String name, Rule rule, int track) {
        ProxiedCamera camera = cameras.get(name);
        List<Integer> blocked = camera == null ? List.of() : camera.block(track, rule);
        return blocked.isEmpty() ? null
                : "camera " + name + ": policy blocks " + rule.id() + ": stopped forwarding track(s) " + blocked;
    }
}
