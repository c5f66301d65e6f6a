package io.airlock.proxy;

import io.airlock.config.PortRange;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.proxy.camera.CameraSession;
import io.airlock.server.RtspServer;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The upstream streams the proxy runs, by the path recorders open: for each, the {@link ProxiedCamera} recorders
 * attach to and the {@link CameraSession} that feeds it. Streams are added, removed and restarted while the others
 * carry on; a restart replaces only the upstream session, so recorders stay attached and their stream continues as
 * after a camera reconnect. Changed under the runtime's lock; read from any thread.
 */
final class CameraStreams {

    /** One stream: what the configuration asked for, the recorder side, the camera side. */
    private record Stream(StreamSpec spec, ProxiedCamera camera, CameraSession session) {
    }

    private final InspectionPipeline pipeline;
    private final SessionFindings findings;
    private final PolicyEnforcer enforcer;
    private final RtspServer server;
    private final EventLoopGroup loops;
    private final PrintStream log;
    private final long stallNanos;
    private final PortRange rtpPorts;
    private final BiConsumer<StreamSpec, ProxiedCamera> added;
    /** Replaced, never changed in place: readers iterate without a lock. */
    private volatile Map<String, Stream> streams = Map.of();

    CameraStreams(InspectionPipeline pipeline, SessionFindings findings, PolicyEnforcer enforcer, RtspServer server,
                  EventLoopGroup loops, PrintStream log, long stallNanos, PortRange rtpPorts,
                  BiConsumer<StreamSpec, ProxiedCamera> added) {
        this.pipeline = pipeline;
        this.findings = findings;
        this.enforcer = enforcer;
        this.server = server;
        this.loops = loops;
        this.log = log;
        this.stallNanos = stallNanos;
        this.rtpPorts = rtpPorts;
        this.added = added;
    }

    /** Serves {@code spec}'s path to recorders and prepares its upstream session; {@link #start} connects it. */
    void add(StreamSpec spec) {
        ProxiedCamera camera = new ProxiedCamera(spec.name(), spec.path(), pipeline.newPublisher(), findings, log,
                stallNanos, this::endRecorderSessions);
        enforcer.camera(camera);
        server.addSource(camera);
        put(spec.path(), new Stream(spec, camera, new CameraSession(spec.endpoint(rtpPorts), loops, camera)));
        added.accept(spec, camera);
    }

    /** Connects the upstream session of {@code path}. */
    void start(String path) {
        streams.get(path).session().start();
    }

    void startAll() {
        for (Stream s : streams.values()) {
            s.session().start();
        }
    }

    /**
     * Stops serving {@code path} (new requests get 404) and tears down its upstream session. Its recorder sessions
     * are the caller's to end.
     *
     * @return done once the camera was sent TEARDOWN
     */
    Future<?> remove(String path) {
        Stream s = streams.get(path);
        put(path, null);
        server.removeSource(path);
        enforcer.forget(s.spec().name());
        return s.session().stop();
    }

    /**
     * Replaces the upstream session of {@code spec}'s path with one to the new endpoint, once the old one is torn
     * down (so that the two never feed the camera at once).
     *
     * @return done once the old session was sent TEARDOWN
     */
    Future<?> restart(StreamSpec spec) {
        Stream old = streams.get(spec.path());
        CameraSession fresh = new CameraSession(spec.endpoint(rtpPorts), loops, old.camera());
        put(spec.path(), new Stream(spec, old.camera(), fresh));
        Future<?> stopped = old.session().stop();
        stopped.addListener(done -> fresh.start());
        return stopped;
    }

    /** Tears every upstream session down; the futures complete as each camera is sent TEARDOWN. */
    List<Future<?>> stopAll() {
        List<Future<?>> stops = new ArrayList<>();
        for (Stream s : streams.values()) {
            stops.add(s.session().stop());
        }
        return stops;
    }

    /** Waits up to {@code millis} in all for {@code futures}; the number that completed. */
    static int await(List<Future<?>> futures, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int done = 0;
        for (Future<?> f : futures) {
            long left = deadline - System.nanoTime();
            if (f.awaitUninterruptibly(Math.max(0, left), TimeUnit.NANOSECONDS) && f.isSuccess()) {
                done++;
            }
        }
        return done;
    }

    /** The recorder side of every stream, in configuration order. */
    Collection<ProxiedCamera> cameras() {
        List<ProxiedCamera> cameras = new ArrayList<>();
        for (Stream s : streams.values()) {
            cameras.add(s.camera());
        }
        return cameras;
    }

    int size() {
        return streams.size();
    }

    private void endRecorderSessions(String path) {
        server.endSessions((peer, p) -> p.equals(path));
    }

    private void put(String path, Stream stream) {
        Map<String, Stream> next = new LinkedHashMap<>(streams);
        if (stream == null) {
            next.remove(path);
        } else {
            next.put(path, stream);
        }
        streams = next;
    }
}
