package io.airlock.cli;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Severity;
import io.airlock.inspect.InputException;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.OfflineInspection;
import io.airlock.pipeline.WaitStrategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code airlock inspect FILE...}: bench-test recorded camera traffic and video files. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Inspect recorded camera traffic and video files for covert metadata, vendor framing and redirection.",
            "",
            "Reads pcap/pcapng captures (RTSP sessions with RTP over UDP or interleaved in TCP), Annex B H.264/H.265,",
            "MPEG-2 Program Streams (GB/T 28181, Hikvision), Dahua DHAV, and mp4/mkv/ts containers. The format is",
            "recognised from the content, not the file name. Prints each stream's codec, size, frame rate, bitrate,",
            "GOP, SEI payload types and vendor fingerprint, then the findings grouped by rule.",
            "",
            "On captures it also watches the camera network: every flow a camera opens is classified by its payload",
            "(vendor P2P, ISUP, GB/T 28181, RTMP, UPnP, discovery, DNS, TLS SNI, HTTP) and reported (NET-01..07),",
            "as are attacks on cameras (CVE-...) and RTP sent to a host no RTSP client asked for (RTSP-01).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  airlock inspect camera.pcap",
            "  airlock inspect --fail-on high --json recordings/*.dav > findings.jsonl",
            "  airlock inspect --camera 10.1.0.20 --allow 10.1.0.1 --allow 10.1.0.53 camera-lan.pcapng",
            "",
            "Exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 unreadable input or usage error.",
            "Damaged files are read as far as possible; what could not be read is counted in the report."
        })
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recordings to inspect.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Write JSON lines (one object per stream, finding and file) to stdout.")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "medium",
            description = "Exit 1 when a finding is at least this severe: info, low, medium, high, or never."
                    + " Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on stderr when it is a terminal (default); --no-progress hides it.")
    boolean progress;

    @Mixin
    WatchPolicyOptions watchPolicy = new WatchPolicyOptions();

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "16384",
            description = "Pipeline ring capacity in packets, a power of two. Default: ${DEFAULT-VALUE}.")
    int ringSize;

    @Option(names = "--wait-strategy", paramLabel = "NAME", defaultValue = WaitStrategies.DEFAULT,
            description = "How pipeline stages wait for packets: sleeping, blocking, lite-blocking, yielding,"
                    + " busy-spin. Default: ${DEFAULT-VALUE}.")
    String waitStrategy;

    @Override
    public Integer call() {
        Severity threshold = Thresholds.parse(spec, failOn);
        if (Integer.bitCount(ringSize) != 1 || ringSize < 64 || ringSize > (1 << 24)) {
            throw new ParameterException(spec.commandLine(),
                    "--ring-size must be a power of two between 64 and 16777216, not " + ringSize);
        }
        if (WaitStrategies.byName(waitStrategy) == null) {
            throw new ParameterException(spec.commandLine(),
                    "--wait-strategy must be one of " + WaitStrategies.names() + ", not '" + waitStrategy + "'");
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        Report report = json ? new JsonReport(out) : new TextReport(out);
        OfflineInspection inspection = new OfflineInspection(ringSize, waitStrategy, watchPolicy.policy(spec));
        boolean unreadable = false;
        boolean failed = false;
        List<InspectionResult> results = new ArrayList<>();
        for (Path file : files) {
            ProgressDisplay display = ProgressDisplay.create(progress && System.console() != null,
                    file.getFileName() == null ? file.toString() : file.getFileName().toString(), err);
            try {
                InspectionResult result = inspection.inspect(file, FindingSink.NONE, display::start);
                display.close();
                results.add(result);
                report.file(result);
                if (result.problem() != null) {
                    err.println("airlock: " + result.problem());
                }
                if (result.internalErrors() > 0) {
                    err.println("airlock: " + file + ": " + result.internalErrors()
                            + " internal errors while inspecting (first: " + result.firstInternalError()
                            + "); please report it");
                    unreadable = true;
                }
                for (Finding f : result.findings()) {
                    failed |= threshold != null && f.severity().atLeast(threshold);
                }
            } catch (InputException e) {
                display.close();
                err.println("airlock: " + e.getMessage());
                report.unreadable(file, e.getMessage());
                unreadable = true;
            }
        }
        report.end(results);
        out.flush();
        if (unreadable) {
            return ExitCodes.INPUT_OR_USAGE;
        }
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
