package io.airlock.cli;

import io.airlock.capture.CaptureException;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.proxy.ProxyRuntime;
import io.airlock.proxy.Reloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code airlock run --config FILE}: the inline proxy. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Run Airlock inline: keep one RTSP session to each configured camera and serve the allowed recorders",
            "at rtsp://<listen>/<camera>, inspecting every packet on the way. Findings print as they happen.",
            ""
        },
        footer = {
            "",
            "Check a configuration first with 'airlock validate --config FILE'; docs/airlock.example.yaml explains",
            "every key. SIGHUP reloads FILE: cameras and recorders the change does not touch keep streaming; a file",
            "with problems is refused and the running configuration stays. Stop with Ctrl-C or SIGTERM: cameras get",
            "TEARDOWN, recorder sessions are closed, and findings still queued for the alerts file or syslog are",
            "written before the process exits, within 10 s.",
            "Exit codes: 0 stopped cleanly, 2 invalid configuration or a port that cannot be bound."
        })
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The YAML configuration.")
    Path config;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop by itself after this many seconds (0: run until stopped).")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        ConfigResult result = ConfigLoader.load(config);
        if (!result.ok()) {
            System.err.println(result.describe());
            return ExitCodes.INPUT_OR_USAGE;
        }
        AlertSinks sinks = AlertSinks.open(result.config().alerts(), new ConsoleFindings(System.out), System.err);
        ProxyRuntime runtime;
        try {
            runtime = ProxyRuntime.start(result.config(), sinks, System.err);
        } catch (RuntimeException e) {
            sinks.close();
            throw e;
        }
        for (String url : runtime.urls()) {
            System.out.println("serving " + url);
        }
        AutoCloseable watch = null;
        if (result.config().watch().enabled()) {
            try {
                watch = CameraNetworkWatch.start(result.config(), sinks);
            } catch (CaptureException e) {
                System.err.println("airlock: " + e.getMessage());
                runtime.close();
                sinks.close();
                return ExitCodes.INPUT_OR_USAGE;
            }
        }
        HangupReloads reloads = HangupReloads.start(new Reloader(config, runtime, System.err), System.err);
        // The pipelines drain into the sinks first; then they write out and close.
        List<LiveRun.Named> steps = new ArrayList<>();
        steps.add(new LiveRun.Named("reloads", () -> {
            reloads.close();
            return null;
        }));
        steps.add(new LiveRun.Named("proxy", runtime::stop));
        if (watch != null) {
            AutoCloseable w = watch;
            steps.add(new LiveRun.Named("watch", () -> {
                w.close();
                return "watch closed";
            }));
        }
        steps.add(new LiveRun.Named("alerts", sinks::stop));
        LiveRun.until(durationSeconds, System.out, System.err, steps);
        return ExitCodes.OK;
    }
}
