package io.airlock.watch;

import io.airlock.config.WatchSettings;

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

    public WatchConfig {
        if (maxFlowsPerCamera < 1 || maxFlowsPerCamera > maxFlows) {
            throw new IllegalArgumentException("maxFlowsPerCamera must be in 1..maxFlows");
        }
    }

    /** The bounds of {@code settings} around a policy. */
    public static WatchConfig of(WatchPolicy policy, WatchSettings settings) {
        return new WatchConfig(policy, settings.maxFlows(), settings.maxFlowsPerCamera(), settings.flowIdle());
    }

    /** The default bounds around a policy. */
    public static WatchConfig of(WatchPolicy policy) {
        return of(policy, WatchSettings.defaults());
    }

    long flowIdleNs() {
        return flowIdle.toNanos();
    }
}
