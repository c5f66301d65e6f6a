package io.airlock.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is a camera and whom a camera may talk to. Either side may be given (from the configuration or the command
 * line) or left to inference from the traffic: a host that serves RTSP, or sends RTP to an RTSP client, is a camera,
 * and the RTSP clients of a camera are its sanctioned recorders. Configured NTP and DNS servers are always sanctioned.
 */
public final class WatchPolicy {

    private final Map<String, String> cameras;
    private final List<String> sanctioned;
    private final List<String> timeAndNameServers;
    private final boolean inferCameras;
    private final boolean inferSanctioned;

    private WatchPolicy(Map<String, String> cameras, List<String> sanctioned, List<String> timeAndNameServers) {
        this.cameras = Map.copyOf(cameras);
        this.sanctioned = List.copyOf(sanctioned);
        this.timeAndNameServers = List.copyOf(timeAndNameServers);
        this.inferCameras = cameras.isEmpty();
        this.inferSanctioned = sanctioned.isEmpty();
    }

    /** Everything inferred from the traffic. */
    public static WatchPolicy inferred() {
        return new WatchPolicy(Map.of(), List.of(), List.of());
    }

    /**
     * @param cameras            camera address to display name (null name for none); empty to infer cameras
     * @param sanctioned         addresses or blocks cameras may reach (Airlock, recorders); empty to infer them
     *                           from RTSP
     * @param timeAndNameServers NTP and DNS servers cameras may reach in any case
     */
    public static WatchPolicy of(Map<String, String> cameras, List<String> sanctioned,
                                 List<String> timeAndNameServers) {
        Map<String, String> copy = new LinkedHashMap<>();
        cameras.forEach((ip, name) -> copy.put(ip, name == null ? "" : name));
        return new WatchPolicy(copy, sanctioned, timeAndNameServers);
    }

    /** Camera addresses as given, with their names ("" for none). */
    public Map<String, String> cameras() {
        return cameras;
    }

    public List<String> sanctioned() {
        return sanctioned;
    }

    public List<String> timeAndNameServers() {
        return timeAndNameServers;
    }

    public boolean infersCameras() {
        return inferCameras;
    }

    public boolean infersSanctioned() {
        return inferSanctioned;
    }

    /** Entries that are not IP addresses (or, for sanctioned peers, address blocks), for an error message. */
    public List<String> invalidAddresses() {
        List<String> bad = new ArrayList<>();
        cameras.keySet().stream().filter(ip -> IpKey.parse(ip) == null).forEach(bad::add);
        sanctioned.stream().filter(ip -> AddressBlock.parse(ip) == null).forEach(bad::add);
        timeAndNameServers.stream().filter(ip -> IpKey.parse(ip) == null).forEach(bad::add);
        return bad;
    }
}
