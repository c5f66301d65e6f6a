package io.airlock.config;

import java.time.Duration;
import java.util.List;

/**
 * The camera network watch: where to capture and whom cameras may reach besides Airlock and the recorders.
 *
 * @param interfaceName     the camera-facing interface to capture on; null leaves the watch off in {@code run}
 * @param bpfFilter         a BPF filter applied in the kernel; null captures everything on the interface
 * @param promiscuous       capture frames not addressed to Airlock (a SPAN or mirror port); off by default
 * @param snaplen           bytes kept of each frame; enough for headers and the first payload bytes classified
 * @param ntp               NTP servers cameras may use
 * @param dns               DNS resolvers cameras may use
 * @param allow             further addresses or blocks cameras may reach
 * @param maxFlows          flows held in all
 * @param maxFlowsPerCamera flows one camera may hold
 * @param flowIdle          idle time after which a flow is expired
 */
public record WatchSettings(String interfaceName, String bpfFilter, boolean promiscuous, int snaplen, List<String> ntp,
                            List<String> dns, List<String> allow, int maxFlows, int maxFlowsPerCamera,
                            Duration flowIdle) {

    public static final int DEFAULT_SNAPLEN = 2048;
    public static final int DEFAULT_MAX_FLOWS = 65_536;
    public static final int DEFAULT_MAX_FLOWS_PER_CAMERA = 4096;
    public static final Duration DEFAULT_FLOW_IDLE = Duration.ofMinutes(2);

    public WatchSettings {
        ntp = List.copyOf(ntp);
        dns = List.copyOf(dns);
        allow = List.copyOf(allow);
    }

    /** No live watch; defaults for everything else. */
    public static WatchSettings defaults() {
        return new WatchSettings(null, null, false, DEFAULT_SNAPLEN, List.of(), List.of(), List.of(),
                DEFAULT_MAX_FLOWS, DEFAULT_MAX_FLOWS_PER_CAMERA, DEFAULT_FLOW_IDLE);
    }

    /** Whether {@code airlock run} captures on the camera network. */
    public boolean enabled() {
        return interfaceName != null;
    }
}
