package io.airlock.cli;

import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code airlock camera-sim FILE...}: a fake IP camera serving Annex B files over RTSP for tests and demos. */
@Command(name = "camera-sim", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Serve H.264/H.265 Annex B files as a fake IP camera: RTSP over TCP (interleaved) or UDP, paced in real",
            "time and looped, answering like a generic, Hikvision or Dahua camera. Each FILE is served at",
            "rtsp://HOST:PORT/<file name without extension>. Runs until Ctrl-C or --duration.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  airlock camera-sim src-test-data/h264/hisilicon-sei229.h264",
            "  airlock camera-sim --vendor hikvision --listen 0.0.0.0:8554 --fps 30 cam1.h264 cam2.h265",
            "  ffplay -rtsp_transport tcp rtsp://127.0.0.1:18554/hisilicon-sei229",
            "",
            "Exit codes: 0 stopped normally, 2 unreadable file, address in use or usage error."
        })
final class CameraSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annex B H.264/H.265 files to serve.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:18554",
            description = "Address to listen on (port 0: any free port). Default: ${DEFAULT-VALUE} (loopback only).")
    String listen;

    @Option(names = "--vendor", paramLabel = "VENDOR", defaultValue = "generic",
            description = "Camera to imitate: generic, hikvision or dahua. Default: ${DEFAULT-VALUE}.")
    String vendor;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "25",
            description = "Frames per second to pace the files at (1-240). Default: ${DEFAULT-VALUE}.")
    int fps;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop by itself after this many seconds; 0 (default) runs until Ctrl-C.")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        final Vendor v;
        try {
            v = Vendor.parse(vendor);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown --vendor '" + vendor
                    + "' (generic, hikvision or dahua)");
        }
        if (fps < 1 || fps > 240) {
            throw new ParameterException(spec.commandLine(), "--fps must be 1-240, got " + fps);
        }
        if (durationSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--duration must not be negative");
        }
        final RtspServerConfig config = new RtspServerConfig().bind(address(listen));
        final CountDownLatch stop = new CountDownLatch(1);
        final Thread hook = new Thread(stop::countDown, "camera-sim-shutdown");
        try (CameraSimulator sim = CameraSimulator.start(config, v, fps, files)) {
            final PrintStream out = System.out;
            for (String url : sim.urls()) {
                out.println(url);
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            if (durationSeconds > 0) {
                stop.await(durationSeconds, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // already shutting down, or the hook was never added
            }
        }
        return ExitCodes.OK;
    }

    private InetSocketAddress address(final String hostPort) {
        final int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new ParameterException(spec.commandLine(), "--listen must be HOST:PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        final int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--listen port is not a number: '" + hostPort + "'");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new ParameterException(spec.commandLine(), "--listen port out of range: " + port);
        }
        return new InetSocketAddress(host, port);
    }
}
