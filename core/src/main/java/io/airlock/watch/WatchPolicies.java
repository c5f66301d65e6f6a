package io.airlock.watch;

import io.airlock.config.AirlockConfig;
import io.airlock.config.CameraConfig;
import io.airlock.config.Cidr;
import io.airlock.config.RecorderConfig;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the watch's policy from the appliance configuration. */
public final class WatchPolicies {

    private WatchPolicies() {
    }

    /**
     * Cameras are the configured cameras' addresses; they may reach Airlock's own addresses on the capture interface,
     * the recorders' address blocks, the configured NTP and DNS servers, and {@code watch.allow}.
     *
     * @param problems told of camera hosts that do not resolve (those cameras are then not watched)
     */
    public static WatchPolicy fromConfig(AirlockConfig config, String interfaceName, List<String> problems) {
        Map<String, String> cameras = new LinkedHashMap<>();
        for (CameraConfig c : config.cameras()) {
            String host = c.url().getHost();
            try {
                cameras.put(InetAddress.getByName(host).getHostAddress(), c.name());
            } catch (UnknownHostException e) {
                problems.add("camera '" + c.name() + "': host " + host + " does not resolve; its network traffic is"
                        + " not attributed to it");
            }
        }
        List<String> sanctioned = new ArrayList<>(localAddresses(interfaceName));
        for (RecorderConfig r : config.recorders()) {
            for (Cidr block : r.addresses()) {
                sanctioned.add(block.toString());
            }
        }
        sanctioned.addAll(config.watch().allow());
        List<String> servers = new ArrayList<>(config.watch().ntp());
        servers.addAll(config.watch().dns());
        return WatchPolicy.of(cameras, sanctioned, servers);
    }

    /** The interface's own addresses: cameras talking to Airlock itself is the sanctioned path. */
    public static List<String> localAddresses(String interfaceName) {
        if (interfaceName == null) {
            return List.of();
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                out.add(a.getHostAddress().replaceFirst("%.*$", ""));
            }
            return out;
        } catch (SocketException e) {
            return List.of();
        }
    }
}
