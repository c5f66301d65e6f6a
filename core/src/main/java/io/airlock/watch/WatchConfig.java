package io.airlock.watch;

import java.time.Duration;

/**
 * How the watch bounds itself and whom it trusts.
 *
 * @param policy            cameras and sanctioned peers
 * @param maxFlows          flows held in all (beyond it new flows are aggregated and counted)
 * @param maxFlowsPerCamera flows one camera may hold, so a camera that sprays flows cannot crowd out the others
 * @param flowIdle          a flow with no packet for this long is expired (its findings stay)
 */
public record WatchConfig(WatchPolicy policy, int maxFlows, int maxFlowsPerCamera, Duration flowIdle) {

    public static final int DEFAULT_MAX_FLOWS = 65_536;
    public static final int DEFAULT_MAX_FLOWS_PER_CAMERA = 4096;
    public static final Duration DEFAULT_FLOW_IDLE = Duration.ofMinutes(2);

    public WatchConfig {
        if (maxFlowsPerCamera < 1 || maxFlowsPerCamera > maxFlows) {
            throw new IllegalArgumentException("maxFlowsPerCamera must be in 1..maxFlows");
        }
    }

    /** Defaults around a policy. */
    public static WatchConfig of(WatchPolicy policy) {
        return new WatchConfig(policy, DEFAULT_MAX_FLOWS, DEFAULT_MAX_FLOWS_PER_CAMERA, DEFAULT_FLOW_IDLE);
    }

    long flowIdleNs() {
        return flowIdle.toNanos();
    }
}
