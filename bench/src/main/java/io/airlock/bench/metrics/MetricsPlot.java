package io.airlock.bench.metrics;

import io.airlock.bench.BenchFiles;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.management.Health;
import io.airlock.management.ManagementServer;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.proxy.ProxyRuntime;
import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders the picture of the README's "Monitoring" section from a real run: the simulated HiSilicon camera through
 * Airlock to FFmpeg recorders (one for the whole run, a second from a third to two thirds of it), with
 * {@code /metrics} scraped every second and plotted as a Grafana dashboard would (rates and histogram quantiles
 * between scrapes).
 *
 * <pre>
 * java -Djava.awt.headless=true -cp bench/target/benchmarks.jar io.airlock.bench.metrics.MetricsPlot \
 *     [--seconds 60] [--out docs/grafana/airlock-metrics.png]
 * </pre>
 */
public final class MetricsPlot {

    private static final String CLIP = "h264/hisilicon-sei229.h264";

    private MetricsPlot() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 60;
        Path out = Paths.get("docs/grafana/airlock-metrics.png");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Scrape> scrapes = record(seconds);
        render(scrapes, out);
        System.out.println("wrote " + out + " from " + scrapes.size() + " scrapes");
    }

    private static List<Scrape> record(int seconds) throws Exception {
        Path clip = BenchFiles.root().resolve("src-test-data").resolve(CLIP);
        try (CameraSimulator sim = CameraSimulator.start(new RtspServerConfig().bind(
                new InetSocketAddress("127.0.0.1", 0)), Vendor.HIKVISION, CameraSimulator.DEFAULT_FPS, List.of(clip));
             AirlockMetrics metrics = new AirlockMetrics()) {
            String yaml = "listen:\n  rtsp: 127.0.0.1:" + freePort() + "\n"
                    + "cameras:\n  - name: demo\n    url: " + sim.urls().get(0) + "\n    transport: tcp\n"
                    + "    recorders: [local]\n"
                    + "recorders:\n  - name: local\n    addresses: [127.0.0.0/8]\n";
            ConfigResult config = ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "plot.yaml", null,
                    name -> null);
            if (!config.ok()) {
                throw new IllegalStateException(config.describe());
            }
            ProxyRuntime runtime = ProxyRuntime.create(config.config(), f -> { },
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), metrics);
            try (ManagementServer management = ManagementServer.start(new InetSocketAddress("127.0.0.1", 0), null,
                    metrics, () -> Health.of(runtime.streams()), null)) {
                runtime.start();
                return scrapeWhileRecording(runtime.urls().get(0), management.url("/metrics"), seconds);
            } finally {
                runtime.close();
            }
        }
    }

    private static List<Scrape> scrapeWhileRecording(String rtsp, String metricsUrl, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean second = new AtomicBoolean();
        Thread first = recorder(rtsp, running, "recorder-1");
        Thread extra = null;
        List<Scrape> scrapes = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int s = 0; s <= seconds; s++) {
                long due = start + s * 1_000_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                if (s == seconds / 3) {
                    second.set(true);
                    extra = recorder(rtsp, second, "recorder-2");
                } else if (s == 2 * seconds / 3) {
                    second.set(false);
                }
                String body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
                scrapes.add(Scrape.parse(body, System.nanoTime() - start));
            }
        } finally {
            running.set(false);
            second.set(false);
            first.join(10_000);
            if (extra != null) {
                extra.join(10_000);
            }
        }
        return scrapes;
    }

    /** An FFmpeg recorder decoding {@code url} over TCP until {@code running} turns false. */
    private static Thread recorder(String url, AtomicBoolean running, String name) {
        Thread t = new Thread(() -> {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(url)) {
                g.setOption("rtsp_transport", "tcp");
                g.setOption("timeout", "5000000");
                g.start();
                while (running.get()) {
                    Frame f = g.grabImage();
                    if (f == null) {
                        break;
                    }
                }
                g.stop();
            } catch (Exception e) {
                System.err.println(name + ": " + e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void render(List<Scrape> s, Path out) throws IOException {
        int n = s.size() - 1;
        double[] xs = new double[n];
        double[] in = new double[n];
        double[] outbound = new double[n];
        double[] fps = new double[n];
        double[] gop = new double[n];
        double[] p50 = new double[n];
        double[] p99 = new double[n];
        String[] rules = rules(s.get(n));
        double[][] findings = new double[rules.length][n];
        double[] sei = new double[n];
        String latency = "airlock_pipeline_latency_seconds";
        for (int i = 0; i < n; i++) {
            Scrape a = s.get(i);
            Scrape b = s.get(i + 1);
            double dt = (b.atNanos - a.atNanos) / 1e9;
            xs[i] = b.atNanos / 1e9;
            in[i] = rate(a, b, "airlock_stream_inbound_bytes_total", dt) * 8 / 1000;
            outbound[i] = rate(a, b, "airlock_stream_outbound_bytes_total", dt) * 8 / 1000;
            fps[i] = rate(a, b, "airlock_video_frames_total", dt);
            gop[i] = b.sum("airlock_video_gop_frames");
            p50[i] = b.quantile(a, latency, 0.5) * 1e6;
            p99[i] = b.quantile(a, latency, 0.99) * 1e6;
            for (int r = 0; r < rules.length; r++) {
                findings[r][i] = Math.max(0, b.sum("airlock_findings_total", "rule=\"" + rules[r] + "\"")
                        - a.sum("airlock_findings_total", "rule=\"" + rules[r] + "\"")) / dt;
            }
            sei[i] = rate(a, b, "airlock_sei_messages_total", dt);
        }
        BufferedImage img = new BufferedImage(1400, 860, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, 1400, 860);
        Color blue = new Color(31, 119, 180);
        Color orange = new Color(255, 127, 14);
        Color red = new Color(214, 39, 40);
        Chart.draw(g, new Rectangle(10, 10, 685, 400), "Stream bitrate (camera demo)", "kbit/s", xs, List.of(
                new Chart.Line("in from camera", blue, in), new Chart.Line("out to recorders", orange, outbound)),
                false);
        Chart.draw(g, new Rectangle(705, 10, 685, 400), "Video: frames per second and GOP length", "frames", xs,
                List.of(new Chart.Line("fps", blue, fps), new Chart.Line("GOP (frames)", orange, gop)), false);
        Chart.draw(g, new Rectangle(10, 420, 685, 400), "Ingress to egress latency, per 1 s (log scale)", "µs", xs,
                List.of(new Chart.Line("p50", blue, p50), new Chart.Line("p99", red, p99)), true);
        Color[] palette = {red, orange, new Color(148, 103, 189), new Color(44, 160, 44)};
        List<Chart.Line> lines = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            lines.add(new Chart.Line(rules[r], palette[r % palette.length], findings[r]));
        }
        lines.add(new Chart.Line("SEI messages", blue, sei));
        Chart.draw(g, new Rectangle(705, 420, 685, 400), "Findings by rule and SEI messages", "per s", xs, lines,
                false);
        g.setColor(Color.DARK_GRAY);
        g.drawString("airlock: simulated HiSilicon camera -> Airlock -> FFmpeg (a second recorder between "
                + Math.round(n / 3.0) + " s and " + Math.round(2 * n / 3.0) + " s); /metrics scraped every 1 s;"
                + " drawn by io.airlock.bench.metrics.MetricsPlot", 16, 846);
        g.dispose();
        ImageIO.write(img, "png", out.toFile());
    }

    /** The rules with findings in {@code last}, at most four, by name. */
    private static String[] rules(Scrape last) {
        TreeSet<String> rules = new TreeSet<>();
        for (Scrape.Sample x : last.samples()) {
            if (x.name().equals("airlock_findings_total")) {
                int at = x.labels().indexOf("rule=\"") + 6;
                rules.add(x.labels().substring(at, x.labels().indexOf('"', at)));
            }
        }
        return rules.stream().limit(4).toArray(String[]::new);
    }

    private static double rate(Scrape a, Scrape b, String name, double seconds) {
        return Math.max(0, b.sum(name) - a.sum(name)) / seconds;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
