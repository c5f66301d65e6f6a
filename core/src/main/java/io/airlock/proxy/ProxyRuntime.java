package io.airlock.proxy;

import com.lmax.disruptor.dsl.ProducerType;
import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.config.AirlockConfig;
import io.airlock.config.CameraConfig;
import io.airlock.config.ReloadResult;
import io.airlock.inspect.ControlInspector;
import io.airlock.inspect.InspectionContext;
import io.airlock.inspect.MediaInspector;
import io.airlock.inspect.SessionDirectory;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.metrics.LatencyHistogram;
import io.airlock.metrics.StreamMetrics;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.WaitStrategies;
import io.airlock.server.RtspServer;
import io.airlock.server.RtspServerConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Future;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code airlock run}: the inline proxy wired from a configuration. One upstream session per camera (and per profile),
 * one RTSP server for the recorders, and one pipeline in between:
 *
 * <pre>
 *   camera sessions ──► ring ──► control ──► media inspectors ──► egress (recorders) ──► release
 * </pre>
 *
 * <p>{@link #reload} changes cameras, recorders and policy while it runs; {@link #stop} ends it in order.
 */
public final class ProxyRuntime implements AutoCloseable {

    private static final int CAMERA_THREADS = 1;
    private static final long DRAIN_SECONDS = 5;
    /** How long a reload or a stop waits for TEARDOWNs to go out and recorder sessions to end. */
    private static final long SESSION_WAIT_MS = 2000;
    /** Converts limits.recorder_queue_packets into the byte watermarks Netty enforces (camera MTU-sized packets). */
    private static final int TYPICAL_PACKET_BYTES = 1400;

    private final EventLoopGroup cameraLoops;
    private final InspectionPipeline pipeline;
    private final RtspServer server;
    private final SessionFindings sessionFindings;
    private final FindingTable controlFindings;
    private final FindingTable mediaFindings;
    private final EgressStage egress = new EgressStage();
    private final PolicyEnforcer enforcer;
    private final RecorderAccess access;
    private final CameraStreams streams;
    private final List<StreamMetrics> streamMetrics = new java.util.concurrent.CopyOnWriteArrayList<>();
    private AirlockConfig config;
    private AirlockMetrics metrics;
    private boolean closed;

    private ProxyRuntime(AirlockConfig config, FindingSink next, PrintStream log) {
        this.config = config;
        enforcer = new PolicyEnforcer(config.policy(), next, log);
        FindingSink sink = enforcer;
        sessionFindings = new SessionFindings(sink);
        controlFindings = new FindingTable(sink, 10_000);
        mediaFindings = new FindingTable(sink, 10_000);
        SessionDirectory directory = new SessionDirectory();
        ControlInspector control = new ControlInspector(new InspectionContext(controlFindings), directory, "live");
        MediaInspector media = new MediaInspector(new InspectionContext(mediaFindings), directory, "live");
        pipeline = new InspectionPipeline(config.pipeline().ringSize(),
                WaitStrategies.byName(config.pipeline().waitStrategy()), ProducerType.MULTI,
                List.of(control, media, egress), Runtime.getRuntime().availableProcessors() < 4,
                config.pipeline().stageCpu());
        cameraLoops = new MultiThreadIoEventLoopGroup(CAMERA_THREADS, NioIoHandler.newFactory());
        access = new RecorderAccess(config, sessionFindings);
        RtspServerConfig serverConfig = new RtspServerConfig()
                .bind(new InetSocketAddress(config.listen().rtsp().address(), config.listen().rtsp().port()))
                .udpPorts(config.listen().rtpPorts().first(), config.listen().rtpPorts().last())
                .sessionTimeoutSeconds((int) config.limits().sessionTimeout().toSeconds())
                // A recorder is one RTSP session: it takes a slot only once admitted (credentials and address), so
                // unknown hosts cannot use up the limit by merely connecting.
                .maxSessions(config.limits().maxRecorders())
                // Each recorder track gets a bounded packet queue, drained while its socket's outbound buffer is
                // under the high mark; when the queue is full its packets are dropped and counted.
                .recorderQueuePackets(config.limits().recorderQueuePackets())
                .writeBufferWaterMarks(config.limits().recorderQueuePackets() * TYPICAL_PACKET_BYTES / 2,
                        config.limits().recorderQueuePackets() * TYPICAL_PACKET_BYTES)
                .authenticator(access)
                .listener(new RecorderRefusals(sessionFindings, log, System::nanoTime));
        server = new RtspServer(serverConfig);
        streams = new CameraStreams(pipeline, sessionFindings, enforcer, server, cameraLoops, log,
                config.limits().recorderStall().toNanos(), config.listen().rtpPorts(), this::measure);
        for (CameraConfig camera : config.cameras()) {
            for (StreamSpec spec : StreamSpec.of(camera)) {
                streams.add(spec);
            }
        }
    }

    /** Starts serving recorders and connecting to every camera. */
    public static ProxyRuntime start(AirlockConfig config, FindingSink sink, PrintStream log) {
        return new ProxyRuntime(config, sink, log).start();
    }

    /**
     * Builds the proxy with its meters in {@code metrics} and every finding counted there, without binding or
     * connecting anything yet: the caller may first claim the management port, then {@link #start()}.
     */
    public static ProxyRuntime create(AirlockConfig config, FindingSink sink, PrintStream log,
                                      AirlockMetrics metrics) {
        ProxyRuntime runtime = new ProxyRuntime(config, metrics.countFindings(sink), log);
        synchronized (runtime) {
            runtime.metrics = metrics;
            for (StreamMetrics s : runtime.streamMetrics) {
                metrics.register(s);
            }
        }
        metrics.register(new PipelineMeters(runtime.pipeline, runtime.egress));
        metrics.register(new RecorderServerMeters(runtime.server));
        return runtime;
    }

    /** Binds the recorder-facing RTSP server (throws when it cannot) and starts connecting to every camera. */
    public ProxyRuntime start() {
        server.start();
        streams.startAll();
        return this;
    }

    /** A stream was added (at start or by a reload): its meters join the registry. */
    private synchronized void measure(StreamSpec spec, ProxiedCamera camera) {
        StreamMetrics m = new CameraStreamMetrics(camera, spec.camera(), spec.profile() == null ? "" : spec.profile());
        streamMetrics.add(m);
        if (metrics != null) {
            metrics.register(m);
        }
    }

    /** A stream was removed by a reload: its meters leave the registry. */
    private void unmeasure(StreamSpec spec) {
        String profile = spec.profile() == null ? "" : spec.profile();
        for (StreamMetrics m : streamMetrics) {
            if (m.camera().equals(spec.camera()) && m.profile().equals(profile)) {
                streamMetrics.remove(m);
                if (metrics != null) {
                    metrics.unregister(m);
                }
            }
        }
    }

    /** Each camera stream (a camera, or one of its profiles) as the metrics and the health check see it. */
    public List<StreamMetrics> streams() {
        return List.copyOf(streamMetrics);
    }

    /**
     * Applies {@code next} without touching what it does not change. Cameras that are unchanged keep their upstream
     * session and their recorders; a removed camera (or profile) gets TEARDOWN and its recorder sessions end; a
     * camera whose URL, credentials, transport or keep-alive changed gets a new upstream session while its recorders
     * stay attached; recorder changes judge every request from now on and end the sessions no longer admitted;
     * policy changes apply to the findings so far. Settings that need a restart keep their running values.
     *
     * @return one line per change
     */
    public synchronized ReloadResult reload(AirlockConfig next) {
        if (closed) {
            return ReloadResult.rejected(List.of("airlock is stopping"));
        }
        ConfigDiff diff = ConfigDiff.between(config, next);
        List<String> lines = new ArrayList<>(diff.lines());
        List<Future<?>> teardowns = new ArrayList<>();
        for (StreamSpec s : diff.removed()) {
            teardowns.add(streams.remove(s.path()));
            unmeasure(s);
        }
        config = diff.applied();
        access.configure(config);
        if (diff.policyChanged()) {
            lines.addAll(enforcer.policy(config.policy()));
        }
        for (StreamSpec s : diff.restarted()) {
            teardowns.add(streams.restart(s));
        }
        for (StreamSpec s : diff.added()) {
            streams.add(s);
            streams.start(s.path());
        }
        lines.addAll(endedSessions(server.endSessions((peer, path) -> !diff.keeps(peer, path)), diff));
        CameraStreams.await(teardowns, SESSION_WAIT_MS);
        return ReloadResult.applied(lines);
    }

    /** One line per stream whose recorder sessions ended. */
    private static List<String> endedSessions(CompletableFuture<List<String>> ending, ConfigDiff diff) {
        Map<String, Integer> byPath = new TreeMap<>();
        try {
            for (String path : ending.get(SESSION_WAIT_MS, TimeUnit.MILLISECONDS)) {
                byPath.merge(path, 1, Integer::sum);
            }
        } catch (ExecutionException | TimeoutException e) {
            return List.of("recorder sessions: still ending after " + SESSION_WAIT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : byPath.entrySet()) {
            boolean removed = diff.removed().stream().anyMatch(s -> s.path().equals(e.getKey()));
            lines.add("camera " + e.getKey().substring(1).replace("/", " profile ") + ": closed " + e.getValue()
                    + " recorder session" + (e.getValue() == 1 ? "" : "s")
                    + (removed ? " (stream removed)" : " (recorder no longer admitted)"));
        }
        return lines;
    }

    /** The URL recorders open for each camera and profile. */
    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (ProxiedCamera c : streams.cameras()) {
            urls.add(server.url(c.path()));
        }
        return urls;
    }

    /** Cameras whose upstream session is playing. */
    public int camerasConnected() {
        int n = 0;
        for (ProxiedCamera c : streams.cameras()) {
            n += c.connected() ? 1 : 0;
        }
        return n;
    }

    /** Session findings so far (refusals, camera anomalies, fingerprints). */
    public List<Finding> sessionFindings() {
        return sessionFindings.findings();
    }

    /** Ingress-to-egress latency of forwarded packets. */
    public LatencyHistogram latency() {
        return egress.latency();
    }

    /** Camera packets dropped because the ring was full (the inspectors fell a whole ring behind). */
    public long ringFullDrops() {
        long n = 0;
        for (ProxiedCamera c : streams.cameras()) {
            n += c.ringFull();
        }
        return n;
    }

    public RtspServer server() {
        return server;
    }

    /**
     * TEARDOWN to the cameras, close the recorder sessions, drain the pipeline; each step bounded.
     *
     * @return what was stopped, for the last line of the log, e.g. "2 camera streams torn down, 1 recorder session
     *         closed, pipeline drained"
     */
    public synchronized String stop() {
        if (closed) {
            return "already stopped";
        }
        closed = true;
        List<Future<?>> teardowns = streams.stopAll();
        int tornDown = CameraStreams.await(teardowns, SESSION_WAIT_MS);
        int recorders = server.sessions();
        server.close();
        String drained = "pipeline drained";
        try {
            pipeline.drainAndStop(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (com.lmax.disruptor.TimeoutException e) {
            pipeline.close();
            drained = "pipeline not drained within " + DRAIN_SECONDS + " s";
        }
        cameraLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        int streamCount = teardowns.size();
        return (tornDown == streamCount ? "" : tornDown + " of ") + streamCount + " camera stream"
                + (streamCount == 1 ? "" : "s") + " torn down, " + recorders + " recorder session"
                + (recorders == 1 ? "" : "s") + " closed, " + drained;
    }

    @Override
    public void close() {
        stop();
    }
}
