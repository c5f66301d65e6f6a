package io.airlock.cli;

import io.airlock.capture.CaptureException;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.watch.LiveWatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
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
            "every key. Prometheus metrics and health checks are served on listen.management (by default",
            "http://127.0.0.1:9090/metrics and /health). SIGHUP or POST /reload reloads FILE: cameras and recorders",
            "the change does not touch keep streaming; a file with problems is refused and the running configuration",
            "stays. Stop with Ctrl-C or SIGTERM: cameras get TEARDOWN, recorder sessions are closed, and findings",
            "still queued for the alerts file or syslog are written before the process exits, within 10 s.",
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
        LiveProxy proxy;
        try {
            proxy = LiveProxy.start(result.config(), sinks, System.err, false, config);
        } catch (IOException | RuntimeException e) {
            sinks.close();
            throw e;
        }
        for (String url : proxy.urls()) {
            System.out.println("serving " + url);
        }
        sinks.metrics().forEach(proxy.metrics()::register);
        System.out.println("metrics at " + proxy.metricsUrl());
        AutoCloseable watch = null;
        if (result.config().watch().enabled()) {
            try {
                LiveWatch live = CameraNetworkWatch.start(result.config(), sinks);
                proxy.metrics().register(live);
                watch = live;
            } catch (CaptureException e) {
                System.err.println("airlock: " + e.getMessage());
                proxy.close();
                sinks.close();
                return ExitCodes.INPUT_OR_USAGE;
            }
        }
        HangupReloads reloads = HangupReloads.start(proxy.reloader(), System.err);
        // The pipelines drain into the sinks first; then they write out and close.
        List<LiveRun.Named> steps = new ArrayList<>();
        steps.add(new LiveRun.Named("reloads", () -> {
            reloads.close();
            return null;
        }));
        steps.add(new LiveRun.Named("proxy", proxy::stop));
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
