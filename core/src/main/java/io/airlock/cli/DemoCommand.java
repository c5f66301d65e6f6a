package io.airlock.cli;

import io.airlock.config.AirlockConfig;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code airlock demo}: a simulated camera, the proxy in front of it, and a URL to open. No setup. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Start a simulated Hikvision-like camera and Airlock in front of it, on this machine only, then print the",
            "URL a recorder (VLC, ffplay) opens and the findings as they happen. The camera's video carries the",
            "HiSilicon SEI fingerprint and its SDP the IMKH header, so there is something to find.",
            ""
        },
        footer = {
            "",
            "Example:",
            "  airlock demo                  then: ffplay -rtsp_transport tcp rtsp://127.0.0.1:8554/demo",
            "  airlock demo --duration 30    stop by itself after 30 s",
            "The configuration it runs is built in (see 'airlock run' for your own)."
        })
final class DemoCommand implements Callable<Integer> {

    private static final String CLIP = "/io/airlock/demo/hisilicon-sei229.h264";
    private static final int CAMERA_PORT = 18554;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop by itself after this many seconds (0: run until Ctrl-C).")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        ConfigResult result = ConfigLoader.demo();
        if (!result.ok()) {
            System.err.println(result.describe());
            return ExitCodes.INPUT_OR_USAGE;
        }
        AirlockConfig config = result.config();
        Path dir = Files.createTempDirectory("airlock-demo");
        Path clip = dir.resolve("demo.h264");
        try (InputStream in = DemoCommand.class.getResourceAsStream(CLIP)) {
            if (in == null) {
                throw new IOException("the demo clip " + CLIP + " is missing from this build");
            }
            Files.copy(in, clip, StandardCopyOption.REPLACE_EXISTING);
        }
        AlertSinks sinks = AlertSinks.open(config.alerts(), new ConsoleFindings(System.out), System.err);
        CameraSimulator camera = null;
        LiveProxy proxy;
        try {
            camera = CameraSimulator.start(
                    new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", CAMERA_PORT)), Vendor.HIKVISION,
                    CameraSimulator.DEFAULT_FPS, List.of(clip));
            proxy = LiveProxy.start(config, sinks, System.err, true);
        } catch (IOException | RuntimeException e) {
            if (camera != null) {
                camera.close();
            }
            sinks.close();
            throw e;
        }
        sinks.metrics().forEach(proxy.metrics()::register);
        System.out.println("Simulated camera: " + camera.urls().get(0));
        for (String url : proxy.urls()) {
            System.out.println("Open in VLC or ffplay: " + url + "   (e.g. ffplay -rtsp_transport tcp " + url + ")");
        }
        System.out.println("Prometheus metrics: " + proxy.metricsUrl() + "   (health: "
                + proxy.metricsUrl().replace("/metrics", "/health") + ")");
        System.out.println("Findings appear below as they happen." + (durationSeconds > 0
                ? " Stopping after " + durationSeconds + " s." : " Ctrl-C to stop."));
        LiveRun.await(durationSeconds, proxy, sinks, camera, () -> {
            Files.deleteIfExists(clip);
            Files.deleteIfExists(dir);
        });
        return ExitCodes.OK;
    }
}
