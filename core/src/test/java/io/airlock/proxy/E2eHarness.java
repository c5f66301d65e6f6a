package io.airlock.proxy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import io.airlock.alert.Finding;
import io.airlock.config.AirlockConfig;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.server.Authenticator;
import io.airlock.server.RtspServerConfig;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import io.airlock.support.TestPaths;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Real peers on loopback for the end-to-end tests: a simulated camera, Airlock in front of it, free ports. */
final class E2eHarness {

    static final String CLIP = "h264/hisilicon-sei229.h264";
    static final byte[] H264_SEI_229 = {0x06, (byte) 0xE5, 0x01, 0x3C, (byte) 0x80};

    /**
     * Client threads of their own: the common ForkJoinPool has one thread on a 2-core machine, so blocking socket
     * clients queued there would wait behind each other (seen on JDK 25 as a client that never sent its requests).
     */
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "e2e-client");
        t.setDaemon(true);
        return t;
    });

    static <T> CompletableFuture<T> async(Supplier<T> client) {
        return CompletableFuture.supplyAsync(client, CLIENTS);
    }

    static CompletableFuture<Void> run(Runnable client) {
        return CompletableFuture.runAsync(client, CLIENTS);
    }

    private E2eHarness() {
    }

    /** A TCP port free a moment ago on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A simulator serving the HiSilicon SEI 229 clip on {@code port} (0: any) at 25 fps. */
    static CameraSimulator camera(int port, Vendor vendor) throws IOException {
        return CameraSimulator.start(new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", port)), vendor,
                CameraSimulator.DEFAULT_FPS, List.of(TestPaths.testData(CLIP)));
    }

    /** A simulator like {@link #camera(int, Vendor)} on any port that lets {@code watcher} see every request. */
    static CameraSimulator camera(Vendor vendor, Authenticator watcher) throws IOException {
        return CameraSimulator.start(new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0))
                .authenticator(watcher), vendor, CameraSimulator.DEFAULT_FPS, List.of(TestPaths.testData(CLIP)));
    }

    /** The YAML of one camera {@code cam} at {@code cameraUrl}, pulled by recorder {@code local} from loopback. */
    static String yaml(int rtspPort, String cameraUrl, String transport) {
        return listen(rtspPort)
                + "cameras:\n"
                + "  - name: cam\n"
                + "    url: " + cameraUrl + "\n"
                + "    transport: " + transport + "\n"
                + "    recorders: [local]\n"
                + "recorders:\n"
                + "  - name: local\n"
                + "    addresses: [127.0.0.0/8]\n";
    }

    static String listen(int rtspPort) {
        int management = freePort();
        // A random even range that stays clear of the TCP ports (ephemeral ports can fall anywhere).
        int first;
        do {
            first = 40_000 + 2 * ThreadLocalRandom.current().nextInt(4_000);
        } while (rtspPort >= first && rtspPort <= first + 99 || management >= first && management <= first + 99);
        return "listen:\n"
                + "  rtsp: 127.0.0.1:" + rtspPort + "\n"
                + "  rtp_ports: " + first + "-" + (first + 99) + "\n"
                + "  management: 127.0.0.1:" + management + "\n";
    }

    /** Airlock running {@code yaml}, with the findings it raised collected. */
    static Proxy proxy(String yaml, Function<String, String> env) {
        Proxy p = new Proxy();
        p.runtime = ProxyRuntime.start(config(yaml, env), p.findings::add, p.logStream);
        return p;
    }

    /** {@code yaml} loaded; fails the test when it has problems. */
    static AirlockConfig config(String yaml, Function<String, String> env) {
        ConfigResult result = ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "e2e.yaml", null, env);
        if (!result.ok()) {
            throw new IllegalArgumentException(result.describe());
        }
        return result.config();
    }

    static Proxy proxy(String yaml) {
        return proxy(yaml, name -> null);
    }

    /** Frames FFmpeg decodes from {@code url} over TCP, up to {@code want} or for {@code nanos}, whichever first. */
    static int decode(String url, int want, long nanos) {
        int frames = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(url)) {
            g.setOption("rtsp_transport", "tcp");
            g.setOption("timeout", "5000000");
            g.start();
            long start = System.nanoTime();
            while (frames < want && System.nanoTime() - start < nanos) {
                Frame f = g.grabImage();
                if (f == null || f.image == null) {
                    break;
                }
                frames++;
            }
            g.stop();
        } catch (Exception e) {
            throw new IllegalStateException("pulling " + url + ": " + e, e);
        }
        return frames;
    }

    /** A running proxy and what it reported. */
    static final class Proxy implements AutoCloseable {
        final List<Finding> findings = new CopyOnWriteArrayList<>();
        final java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        ProxyRuntime runtime;

        String url() {
            return runtime.urls().get(0);
        }

        /** Waits until every camera plays upstream. */
        Proxy awaitCameras(long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (runtime.camerasConnected() < runtime.urls().size()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("camera not connected after " + timeoutMs + " ms; log: " + log());
                }
                Thread.sleep(50);
            }
            return this;
        }

        String log() {
            synchronized (log) {
                return log.toString(StandardCharsets.UTF_8);
            }
        }

        /** Findings of {@code ruleId} so far, session findings included. */
        List<Finding> findings(String ruleId) {
            List<Finding> out = new ArrayList<>();
            for (Finding f : findings) {
                if (f.rule().id().equals(ruleId)) {
                    out.add(f);
                }
            }
            for (Finding f : runtime.sessionFindings()) {
                if (f.rule().id().equals(ruleId) && !out.contains(f)) {
                    out.add(f);
                }
            }
            return out;
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    /** RTP sequence numbers and SSRCs seen on one interleaved channel. */
    static final class Sequence {
        final List<Integer> seqs = new ArrayList<>();
        final List<Long> ssrcs = new ArrayList<>();
        int gaps;
        String firstGap;

        /** Reads channel 0 of {@code c} for {@code millis}; stops early if the connection closes. */
        static Sequence read(RawRtspClient c, long millis) throws IOException {
            Sequence s = new Sequence();
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < deadline) {
                byte[] f = c.frame();
                if (f == null) {
                    break;
                }
                if (f[0] == 0 && f.length >= 13) {
                    s.add(((f[3] & 0xFF) << 8) | (f[4] & 0xFF),
                            ((f[9] & 0xFFL) << 24) | ((f[10] & 0xFF) << 16) | ((f[11] & 0xFF) << 8) | (f[12] & 0xFF));
                }
            }
            return s;
        }

        void add(int seq, long ssrc) {
            if (!seqs.isEmpty()) {
                int expected = (seqs.get(seqs.size() - 1) + 1) & 0xFFFF;
                if (seq != expected) {
                    gaps++;
                    if (firstGap == null) {
                        firstGap = "after " + seqs.size() + " packets: expected " + expected + ", got " + seq;
                    }
                }
            }
            seqs.add(seq);
            ssrcs.add(ssrc);
        }

        @Override
        public String toString() {
            return seqs.size() + " packets, " + gaps + " gaps" + (firstGap == null ? "" : " (first " + firstGap + ")");
        }
    }
}
