package io.airlock.cli;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingJson;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Severity;
import io.airlock.capture.CaptureException;
import io.airlock.capture.LiveCaptureOptions;
import io.airlock.capture.LiveCaptureStats;
import io.airlock.config.AirlockConfig;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.config.WatchSettings;
import io.airlock.watch.LiveWatch;
import io.airlock.watch.WatchCounters;
import io.airlock.watch.WatchPolicies;
import io.airlock.watch.WatchPolicy;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code airlock watch}: capture on the camera network and report every flow a camera should not have. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Capture on the camera-facing interface and classify every flow a camera opens: vendor P2P clouds,",
            "ISUP/EHome, GB/T 28181 SIP, RTMP push, UPnP port mapping, discovery broadcasts, DNS lookups of vendor",
            "clouds, and anything else that is not the recorder or a sanctioned NTP/DNS server (NET-01..07). Also",
            "reports attacks on cameras (CVE-...) and RTP sent to a third host (RTSP-01). Findings print as they",
            "happen, one per flow per rule.",
            "",
            "Needs CAP_NET_RAW (not root): run it as a service with AmbientCapabilities=CAP_NET_RAW. It reads the",
            "same way 'airlock inspect' reads a capture file, so a recorded pcap gives the same findings.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  airlock watch -i eth1                                   infer cameras from RTSP/RTP on eth1",
            "  airlock watch -i eth1 --camera 10.1.0.20 --allow 10.1.0.1 --allow 10.1.0.53",
            "  airlock watch --config airlock.yaml                     cameras, recorders, NTP/DNS and interface",
            "  airlock watch -i eth1 --filter 'not port 22' --json > findings.jsonl",
            "",
            "Exit codes: 0 stopped cleanly, 1 findings at or above --fail-on, 2 capture or usage error."
        })
final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--interface"}, paramLabel = "IF",
            description = "The camera-facing interface (default: watch.interface from --config).")
    String interfaceName;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Take cameras, recorders, NTP/DNS servers and the interface from this configuration.")
    Path config;

    @Mixin
    WatchPolicyOptions watchPolicy = new WatchPolicyOptions();

    @Option(names = "--filter", paramLabel = "BPF",
            description = "A BPF filter (pcap-filter(7)) applied in the kernel, e.g. 'not port 22'.")
    String filter;

    @Option(names = "--promiscuous", description = "Also capture frames not addressed to this host (SPAN port).")
    boolean promiscuous;

    @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "2048",
            description = "Bytes kept of each frame. Default: ${DEFAULT-VALUE}.")
    int snaplen;

    @Option(names = "--json", description = "Print findings as JSON lines (the fields of 'inspect --json').")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "never",
            description = "Exit 1 when a finding is at least this severe: info, low, medium, high, or never."
                    + " Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop by itself after this many seconds (0: until Ctrl-C or SIGTERM).")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        Severity threshold = Thresholds.parse(spec, failOn);
        WatchSettings settings = WatchSettings.defaults();
        WatchPolicy policy;
        List<String> warnings = new ArrayList<>();
        if (config != null) {
            ConfigResult result = ConfigLoader.load(config);
            if (!result.ok()) {
                System.err.println(result.describe());
                return ExitCodes.INPUT_OR_USAGE;
            }
            AirlockConfig c = result.config();
            settings = c.watch();
            if (interfaceName == null) {
                interfaceName = settings.interfaceName();
            }
            policy = WatchPolicies.fromConfig(c, interfaceName, warnings);
        } else {
            policy = watchPolicy.policy(spec);
        }
        if (interfaceName == null) {
            throw new ParameterException(spec.commandLine(), "say which interface faces the cameras: -i IF, or"
                    + " watch.interface in --config (see 'ip link' for the names)");
        }
        if (snaplen < 256 || snaplen > LiveCaptureOptions.MAX_SNAPLEN) {
            throw new ParameterException(spec.commandLine(), "--snaplen must be 256.."
                    + LiveCaptureOptions.MAX_SNAPLEN + ", not " + snaplen);
        }
        warnings.forEach(w -> System.err.println("airlock: warning: " + w));
        String bpf = filter != null ? filter : settings.bpfFilter();
        PrintStream out = System.out;
        FindingSink sink = json ? jsonLines(out) : new ConsoleFindings(out);
        LiveWatch watch;
        try {
            watch = CameraNetworkWatch.start(settings, interfaceName, bpf, promiscuous || settings.promiscuous(),
                    snaplen, policy, sink);
        } catch (CaptureException e) {
            System.err.println("airlock: " + e.getMessage());
            return ExitCodes.INPUT_OR_USAGE;
        }
        System.err.println("watching " + interfaceName + (bpf == null ? "" : " (filter: " + bpf + ")") + "; cameras: "
                + (policy.infersCameras() ? "inferred from RTSP/RTP" : String.join(", ", policy.cameras().keySet()))
                + (durationSeconds > 0 ? "; stopping after " + durationSeconds + " s" : "; Ctrl-C to stop"));
        LiveRun.await(durationSeconds, watch, () -> summary(watch));
        if (watch.problem() != null) {
            System.err.println("airlock: " + watch.problem());
            return ExitCodes.INPUT_OR_USAGE;
        }
        for (Finding f : watch.findings()) {
            if (threshold != null && f.severity().atLeast(threshold)) {
                return ExitCodes.FINDINGS;
            }
        }
        return ExitCodes.OK;
    }

    private static void summary(LiveWatch watch) {
        LiveCaptureStats stats = watch.captureStats();
        WatchCounters c = watch.counters();
        System.err.println("watched " + watch.interfaceName() + ": " + stats.received() + " packets, "
                + stats.droppedByKernel() + " dropped by the kernel, " + stats.droppedByInterface()
                + " by the interface; " + c.flowsCreated() + " flows, cameras: " + c.cameras() + ", findings: "
                + watch.findings().size());
    }

    private static FindingSink jsonLines(PrintStream out) {
        JsonFactory factory = new JsonFactory();
        return f -> {
            synchronized (out) {
                try (JsonGenerator g = factory.createGenerator(out)) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    FindingJson.write(g, f, System.currentTimeMillis() * 1_000_000L);
                } catch (IOException e) {
                    return;
                }
                out.println();
                out.flush();
            }
        };
    }
}
