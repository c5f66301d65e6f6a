package io.airlock.proxy;

import com.lmax.disruptor.dsl.ProducerType;
import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.config.AirlockConfig;
import io.airlock.config.CameraConfig;
import io.airlock.inspect.ControlInspector;
import io.airlock.inspect.InspectionContext;
import io.airlock.inspect.MediaInspector;
import io.airlock.inspect.SessionDirectory;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.metrics.LatencyHistogram;
import io.airlock.metrics.PipelineMetrics;
import io.airlock.metrics.StreamMetrics;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.WaitStrategies;
import io.airlock.proxy.camera.CameraEndpoint;
import io.airlock.proxy.camera.CameraSession;
import io.airlock.proxy.camera.TransportMode;
import io.airlock.server.RtspServer;
import io.airlock.server.RtspServerConfig;
import io.airlock.server.ServerListener;
import io.airlock.server.TransportRefusal;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code airlock run}: the inline proxy wired from a configuration. One upstream session per camera (and per profile),
 * one RTSP server for the recorders, and one pipeline in between:
 *
 * <pre>
 *   camera sessions ──► ring ──► control ──► media inspectors ──► egress (recorders) ──► release
 * </pre>
 */
public final class ProxyRuntime implements AutoCloseable {

    private static final int CAMERA_THREADS = 1;
    private static final long DRAIN_SECONDS = 5;
    /** Converts limits.recorder_queue_packets into the byte watermarks Netty enforces (camera MTU-sized packets). */
    private static final int TYPICAL_PACKET_BYTES = 1400;

    private final EventLoopGroup cameraLoops;
    private final InspectionPipeline pipeline;
    private final RtspServer server;
    private final SessionFindings sessionFindings;
    private final FindingTable controlFindings;
    private final FindingTable mediaFindings;
    private final List<CameraSession> sessions = new ArrayList<>();
    private final List<ProxiedCamera> cameras = new ArrayList<>();
    private final List<StreamMetrics> streams = new ArrayList<>();
    private final EgressStage egress = new EgressStage();
    private final long stallNanos;
    private final PolicyEnforcer enforcer;

    private ProxyRuntime(AirlockConfig config, FindingSink next, PrintStream log) {
        stallNanos = config.limits().recorderStall().toNanos();
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
                List.of(control, media, egress), Runtime.getRuntime().availableProcessors() < 4);
        cameraLoops = new MultiThreadIoEventLoopGroup(CAMERA_THREADS, NioIoHandler.newFactory());
        RtspServerConfig serverConfig = new RtspServerConfig()
                .bind(new InetSocketAddress(config.listen().rtsp().address(), config.listen().rtsp().port()))
                .udpPorts(config.listen().rtpPorts().first(), config.listen().rtpPorts().last())
                .sessionTimeoutSeconds((int) config.limits().sessionTimeout().toSeconds())
                // Each recorder track gets a bounded packet queue, drained while its socket's outbound buffer is
                // under the high mark; when the queue is full its packets are dropped and counted.
                .recorderQueuePackets(config.limits().recorderQueuePackets())
                .writeBufferWaterMarks(config.limits().recorderQueuePackets() * TYPICAL_PACKET_BYTES / 2,
                        config.limits().recorderQueuePackets() * TYPICAL_PACKET_BYTES)
                .authenticator(new RecorderAccess(config, sessionFindings))
                .listener(new Refusals(sessionFindings));
        server = new RtspServer(serverConfig);
        for (CameraConfig camera : config.cameras()) {
            add(camera, "", camera.url(), log);
            for (Map.Entry<String, URI> profile : camera.profiles().entrySet()) {
                add(camera, profile.getKey(), profile.getValue(), log);
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
        for (StreamMetrics s : runtime.streams) {
            metrics.register(s);
        }
        metrics.register(runtime.new Pipeline());
        return runtime;
    }

    /** Binds the recorder-facing RTSP server (throws when it cannot) and starts connecting to every camera. */
    public ProxyRuntime start() {
        server.start();
        for (CameraSession s : sessions) {
            s.start();
        }
        return this;
    }

    private void add(CameraConfig camera, String profile, URI url, PrintStream log) {
        String name = profile.isEmpty() ? camera.name() : camera.name() + "/" + profile;
        ProxiedCamera proxied = new ProxiedCamera(name, "/" + name, pipeline.newPublisher(), sessionFindings, log,
                stallNanos);
        char[] password = camera.password() == null ? null : camera.password().reveal().toCharArray();
        CameraEndpoint endpoint = new CameraEndpoint(name, url, camera.username(), password,
                TransportMode.valueOf(camera.transport().name()), camera.keepalive(),
                CameraEndpoint.DEFAULT_UDP_PORT_LOW, CameraEndpoint.DEFAULT_UDP_PORT_HIGH);
        cameras.add(proxied);
        streams.add(new CameraStreamMetrics(proxied, camera.name(), profile));
        enforcer.camera(proxied);
        server.addSource(proxied);
        sessions.add(new CameraSession(endpoint, cameraLoops, proxied));
    }

    /** The URL recorders open for each camera and profile. */
    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (ProxiedCamera c : cameras) {
            urls.add(server.url(c.path()));
        }
        return urls;
    }

    /** Cameras whose upstream session is playing. */
    public int camerasConnected() {
        int n = 0;
        for (ProxiedCamera c : cameras) {
            n += c.connected() ? 1 : 0;
        }
        return n;
    }

    /** Each camera stream (a camera, or one of its profiles) as the metrics and the health check see it. */
    public List<StreamMetrics> streams() {
        return List.copyOf(streams);
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
        for (ProxiedCamera c : cameras) {
            n += c.ringFull();
        }
        return n;
    }

    public RtspServer server() {
        return server;
    }

    /** TEARDOWN to the cameras, close the recorder sessions, drain the pipeline. */
    @Override
    public void close() {
        for (CameraSession s : sessions) {
            s.stop();
        }
        server.close();
        try {
            pipeline.drainAndStop(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (com.lmax.disruptor.TimeoutException e) {
            pipeline.close();
        }
        cameraLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The ring and the egress stage's latency, as the metrics see them. */
    private final class Pipeline implements PipelineMetrics {

        @Override
        public int ringCapacity() {
            return pipeline.capacity();
        }

        @Override
        public long ringRemaining() {
            return pipeline.remainingCapacity();
        }

        @Override
        public long eventsProcessed() {
            return pipeline.processed();
        }

        @Override
        public long handlerFailures() {
            return pipeline.handlerFailures();
        }

        @Override
        public LatencyHistogram latency() {
            return egress.latency();
        }
    }

    /** SETUPs the destination policy refused become RTSP-01 findings. */
    private static final class Refusals implements ServerListener {

        private final SessionFindings findings;

        Refusals(SessionFindings findings) {
            this.findings = findings;
        }

        @Override
        public void refused(InetSocketAddress peer, TransportRefusal reason, String transportHeader) {
            String who = peer.getAddress().getHostAddress();
            findings.raise(Rule.RTSP_01, "refused:" + who + ":" + reason,
                    new StreamIdentity(null, who, peer.getPort(), null, 0, "tcp", -1, -1),
                    "refused SETUP from " + who + ": " + reason, "transport", String.valueOf(transportHeader));
        }
    }
}
