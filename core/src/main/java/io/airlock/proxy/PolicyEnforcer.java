package io.airlock.proxy;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.config.Policy;
import io.airlock.config.PolicyAction;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@code policy: RULE: block}. A finding of a rule set to block, about a camera's stream, stops the egress of
 * that track (or, for a finding about the whole session, of every track of the camera): recorders keep their sessions
 * but receive nothing more until Airlock restarts. Findings about recorders (RTSP-05, RTSP-06) and refused SETUPs are
 * blocked by nature and change nothing here. Every finding still goes on to the next sink.
 */
final class PolicyEnforcer implements FindingSink {

    private final Policy policy;
    private final FindingSink next;
    private final PrintStream log;
    private final Map<String, ProxiedCamera> cameras = new ConcurrentHashMap<>();

    PolicyEnforcer(Policy policy, FindingSink next, PrintStream log) {
        this.policy = policy;
        this.next = next;
        this.log = log;
    }

    void camera(ProxiedCamera camera) {
        cameras.put(camera.name(), camera);
    }

    @Override
    public void onFinding(Finding finding) {
        next.onFinding(finding);
        Rule rule = finding.rule();
        if (rule == Rule.RTSP_05 || rule == Rule.RTSP_06 || policy.action(rule.id()) != PolicyAction.BLOCK) {
            return;
        }
        String file = finding.stream().file();
        ProxiedCamera camera = file == null ? null : cameras.get(file);
        if (camera == null) {
            return;
        }
        int track = finding.stream().track();
        List<Integer> blocked = camera.block(track, rule);
        if (!blocked.isEmpty()) {
            log.println("airlock: camera " + camera.name() + ": policy blocks " + rule.id() + ": stopped forwarding"
                    + " track(s) " + blocked);
        }
    }
}
