package io.airlock.cli;

import io.airlock.watch.WatchPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --camera} and {@code --allow}, shared by {@code inspect} and {@code watch}. */
final class WatchPolicyOptions {

    @Option(names = "--camera", paramLabel = "IP",
            description = "Treat this address as a camera (repeatable). Without it, a host that serves RTSP or sends"
                    + " RTP to an RTSP client is taken to be a camera.")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "IP[/LEN]",
            description = "An address or block cameras may reach: recorder, Airlock, NTP or DNS server (repeatable)."
                    + " Without it, a camera's own RTSP clients are its only sanctioned peers.")
    List<String> allowed = new ArrayList<>();

    /** The policy these options give, or a usage error naming what is not an address. */
    WatchPolicy policy(CommandSpec spec) {
        Map<String, String> named = new LinkedHashMap<>();
        cameras.forEach(ip -> named.put(ip.trim(), null));
        WatchPolicy policy = WatchPolicy.of(named, allowed, List.of());
        List<String> bad = policy.invalidAddresses();
        if (!bad.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--camera and --allow take IP addresses (or blocks for"
                    + " --allow) such as 10.1.0.20 or 10.1.0.0/24, not " + String.join(", ", bad));
        }
        return policy;
    }
}
