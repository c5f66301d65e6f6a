package io.airlock.bench.proxy;

import io.airlock.alert.Finding;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.proxy.ProxyRuntime;
import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proxy load tool: N simulated cameras (~4 Mbit/s H.264, 25 fps, TCP interleaved) through one in-process
 * {@link ProxyRuntime} to N raw recorders, all over loopback in this JVM. Per step (fresh simulator, runtime and
 * recorders) it reports packets per second, loss (sequence gaps seen by the recorders, silent streams, and packets
 * forwarded uninspected), ingress-to-egress latency percentiles over the measured window, CPU per stream (whole
 * process and proxy threads alone), GC count in the window and bytes allocated per packet.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.airlock.bench.proxy.ProxyLoad --streams 1,50,200 --seconds 10 --warmup 3
 *     [--find-max] [--max-step 100] [--wait sleeping] [--layout shared|stage-alone|proxy-alone] [--jit-warmup 200]
 * </pre>
 *
 * {@code --layout} places the threads on this machine's CPUs:
 * <ul>
 *   <li>{@code shared} (the default): every thread may run on every CPU.</li>
 *   <li>{@code stage-alone} (also {@code --pin}): the product's {@code pipeline.stage_cpu: 1}. The proxy's
 *       inspection thread has CPU 1 to itself; every other thread of this JVM (the proxy's event loops, the
 *       simulator, the recorders, GC and JIT) runs on the other CPUs. The layout of an appliance that spends a core
 *       on a spinning wait strategy.</li>
 *   <li>{@code proxy-alone}: every proxy thread (camera loop, inspection, recorder loops) runs on CPU 1 and the load
 *       generator (simulator, recorders) on CPU 0, JVM service threads on either: as near as one machine comes to
 *       cameras and recorders on other hosts, a one-core appliance.</li>
 * </ul>
 * {@code --jit-warmup N} first runs an unreported step of N streams, so that later steps run compiled code.
 */
public final class ProxyLoad {

    private static final long CONNECT_TIMEOUT_NANOS = 60_000_000_000L;
    /** Where the proxy's threads (all of them, or the inspection thread alone) run; the rest run on LOAD_CPU. */
    private static final int PROXY_CPU = 1;
    private static final int LOAD_CPU = 0;

    /** Which threads get which CPU; see the class comment. */
    enum Layout {
        SHARED, STAGE_ALONE, PROXY_ALONE;

        static Layout of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    private final int seconds;
    private final int warmup;
    private final String waitStrategy;
    private final Layout layout;
    private final Path clip;
    private final Path dir;
    private final ProcessProbe probe = new ProcessProbe();

    private ProxyLoad(int seconds, int warmup, String waitStrategy, Layout layout, Path dir, Path clip) {
        this.layout = layout;

        this.seconds = seconds;
        this.warmup = warmup;
        this.waitStrategy = waitStrategy;
        this.dir = dir;
        this.clip = clip;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>(List.of(1, 50, 200));
        int seconds = 10;
        int warmup = 3;
        boolean findMax = false;
        Layout layout = Layout.SHARED;
        int jitWarmup = 0;
        int maxStep = 100;
        String wait = io.airlock.pipeline.WaitStrategies.LIVE_DEFAULT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--streams":
                    counts.clear();
                    for (String n : args[++i].split(",")) {
                        counts.add(Integer.parseInt(n.trim()));
                    }
                    break;
                case "--seconds":
                    seconds = Integer.parseInt(args[++i]);
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--find-max":
                    findMax = true;
                    break;
                case "--max-step":
                    maxStep = Integer.parseInt(args[++i]);
                    break;
                case "--jit-warmup":
                    jitWarmup = Integer.parseInt(args[++i]);
                    break;
                case "--pin":
                    layout = Layout.STAGE_ALONE;
                    break;
                case "--layout":
                    layout = Layout.of(args[++i]);
                    break;
                case "--wait":
                    wait = args[++i];
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("airlock-load");
        Path clip = dir.resolve("clip.h264");
        long size = LoadClip.write(clip);
        System.out.printf("clip: %s, %d bytes for %d s = %.2f Mbit/s (IDR %d B, P %d B, %d fps)%n", clip, size,
                LoadClip.GOP_FRAMES * LoadClip.GOPS / LoadClip.FPS, size * 8.0 / 1e6
                        / (LoadClip.GOP_FRAMES * LoadClip.GOPS / LoadClip.FPS),
                LoadClip.IDR_BYTES, LoadClip.P_BYTES, LoadClip.FPS);
        System.out.printf("jvm: %s, %d processors, max heap %d MiB, GCs %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, gcNames());
        ProxyLoad load = new ProxyLoad(seconds, warmup, wait, layout, dir, clip);
        if (jitWarmup > 0) {
            // One unreported step at a busy stream count, so that every step below runs compiled code: at 374
            // packets a second a single stream would otherwise be measured partly in the interpreter.
            System.out.println("JIT warm-up step, not reported: " + load.step(jitWarmup).row());
        }
        System.out.println(StepResult.HEADER);
        int best = -1;
        for (int n : counts) {
            StepResult r = load.step(n);
            System.out.println(r.row());
            printThreads(r);
            best = r.zeroLoss() ? Math.max(best, n) : best;
        }
        if (findMax) {
            int n = Math.max(maxStep, counts.get(counts.size() - 1) + maxStep);
            while (true) {
                StepResult r = load.step(n);
                System.out.println(r.row());
                printThreads(r);
                if (!r.zeroLoss()) {
                    break;
                }
                best = Math.max(best, n);
                n += maxStep;
            }
            System.out.println("highest zero-loss stream count tried: " + best);
        }
    }

    private static void printThreads(StepResult r) {
        if (Boolean.getBoolean("load.threads")) {
            System.out.print(r.threads);
        }
    }

    private static String gcNames() {
        StringBuilder sb = new StringBuilder();
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(sb.length() == 0 ? "" : "+").append(gc.getName());
        }
        return sb.toString();
    }

    /** One measured run at {@code n} streams with a fresh simulator, runtime and recorders. */
    private StepResult step(int n) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("cam" + i + ".h264");
            if (!Files.exists(f)) {
                Files.createSymbolicLink(f, clip);
            }
            files.add(f);
        }
        System.gc();
        if (layout == Layout.PROXY_ALONE) {
            CpuPinning.pinCurrentThread(LOAD_CPU);
        }
        probe.simulatorStarting();
        Map<String, AtomicLong> findings = new ConcurrentHashMap<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (CameraSimulator sim = CameraSimulator.start(
                new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0)).workerThreads(1),
                Vendor.GENERIC, LoadClip.FPS, files)) {
            probe.proxyStarting();
            ConfigResult config = ConfigLoader.parse(yaml(n, sim.port()).getBytes(StandardCharsets.UTF_8),
                    "load.yaml", dir, name -> null);
            if (!config.ok()) {
                throw new IllegalStateException(config.describe());
            }
            if (layout == Layout.PROXY_ALONE) {
                // The runtime starts its inspection thread as it is built and its event loops as it starts (the
                // recorder-side worker loops are started later by its acceptor thread, which inherits this set).
                CpuPinning.pinCurrentThread(PROXY_CPU);
            }
            try (ProxyRuntime runtime = ProxyRuntime.create(config.config(),
                    f -> findings.computeIfAbsent(f.rule().toString(), k -> new AtomicLong()).incrementAndGet(),
                    quiet, new AirlockMetrics())) {
                runtime.start();

                long deadline = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
                while (runtime.camerasConnected() < n && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (runtime.camerasConnected() < n) {
                    throw new IllegalStateException("only " + runtime.camerasConnected() + " of " + n
                            + " cameras connected");
                }
                if (layout == Layout.PROXY_ALONE) {
                    CpuPinning.pinCurrentThread(LOAD_CPU);
                }
                try (RecorderClients clients = new RecorderClients()) {
                    for (String url : runtime.urls()) {
                        clients.open(url);
                    }
                    probe.proxyStarted();
                    if (layout != Layout.SHARED) {
                        System.out.println("threads per CPU set: " + CpuPinning.census());
                    }
                    Thread.sleep(warmup * 1000L);
                    Window w = Window.open(probe, runtime, clients);
                    Thread.sleep(seconds * 1000L);
                    StepResult r = w.close(n);
                    r.findings = findings.toString();
                    for (Finding f : runtime.sessionFindings()) {
                        r.findings += " " + f.rule();
                    }
                    return r;
                }
            }
        }
    }

    private String yaml(int n, int cameraPort) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("listen:\n  rtsp: 127.0.0.1:").append(freePort()).append('\n');
        y.append("  management: 127.0.0.1:").append(freePort()).append('\n');
        y.append("cameras:\n");
        for (int i = 0; i < n; i++) {
            y.append("  - name: cam").append(i).append('\n');
            y.append("    url: rtsp://127.0.0.1:").append(cameraPort).append("/cam").append(i).append('\n');
            y.append("    transport: tcp\n    recorders: [load]\n");
        }
        y.append("recorders:\n  - name: load\n    addresses: [127.0.0.0/8]\n");
        y.append("pipeline:\n  wait_strategy: ").append(waitStrategy).append('\n');
        if (layout == Layout.STAGE_ALONE) {
            y.append("  stage_cpu: ").append(PROXY_CPU).append('\n');
        }
        y.append("limits:\n  max_recorders: 4096\n  session_timeout: 10m\n");
        return y.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
