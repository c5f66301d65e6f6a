package io.airlock.metrics;

import io.airlock.alert.FindingSink;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Airlock's Prometheus registry: the JVM's meters (memory, GC, threads, class loading, processor) and Airlock's own,
 * all read at scrape time from counters the packet path keeps anyway. Nothing here runs per packet.
 *
 * <pre>{@code
 * AirlockMetrics metrics = new AirlockMetrics();
 * metrics.register(stream);                 // one per camera stream
 * metrics.register(pipeline);
 * FindingSink sink = metrics.countFindings(next);
 * metrics.scrape(out);                      // text exposition 0.0.4
 * }</pre>
 *
 * Registration and scrapes are synchronized: a scrape may add the series of SEI payload types and findings first
 * seen since the last one.
 */
public final class AirlockMetrics implements AutoCloseable {

    /** The media type of {@link #scrape}: Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<StreamMeters> streams = new ArrayList<>();
    private final List<PipelineMetrics> pipelines = new ArrayList<>();
    private final List<WatchMetrics> watches = new ArrayList<>();
    private final List<SinkMetrics> sinks = new ArrayList<>();
    private final List<RecorderServerMetrics> recorderLimits = new ArrayList<>();
    private final Map<String, String[]> streamLabels = new HashMap<>();
    private final FindingMeter findings;

    public AirlockMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), Clock.SYSTEM);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        findings = new FindingMeter(registry, streamLabels);
    }

    /** Adds the meters of one camera stream, labelled with its camera and profile names. */
    public synchronized void register(StreamMetrics stream) {
        streams.add(new StreamMeters(registry, stream));
        String name = stream.profile().isEmpty() ? stream.camera() : stream.camera() + "/" + stream.profile();
        streamLabels.put(name, new String[] {stream.camera(), stream.profile()});
    }

    /**
     * Removes the meters of a stream no longer served (a reload took it out): its series end, and a stream added later
     * under the same camera and profile gets meters of its own. Findings already counted for it stay.
     */
    public synchronized void unregister(StreamMetrics stream) {
        streams.removeIf(s -> {
            if (s.measures(stream)) {
                s.remove();
                return true;
            }
            return false;
        });
    }

    /** Adds the pipeline's meters: ring capacity and occupancy, events, stage failures, ingress-to-egress latency. */
    public synchronized void register(PipelineMetrics pipeline) {
        Gauge.builder("airlock.pipeline.ring.capacity", pipeline, PipelineMetrics::ringCapacity)
                .description("Slots in the inspection ring").strongReference(true).register(registry);
        Gauge.builder("airlock.pipeline.ring.remaining", pipeline, PipelineMetrics::ringRemaining)
                .description("Free slots in the inspection ring; at 0 camera packets are dropped")
                .strongReference(true).register(registry);
        FunctionCounter.builder("airlock.pipeline.events", pipeline, PipelineMetrics::eventsProcessed)
                .description("Events that passed every pipeline stage").register(registry);
        FunctionCounter.builder("airlock.pipeline.handler.failures", pipeline, PipelineMetrics::handlerFailures)
                .description("Exceptions thrown by pipeline stages (bugs; the pipeline carried on)")
                .register(registry);
        // Micrometer holds a function counter's object weakly.
        pipelines.add(pipeline);
        registry.getPrometheusRegistry().register(new LatencyCollector("airlock_pipeline_latency_seconds",
                "Time from a camera packet's arrival to its hand-over to the recorders", pipeline.latency()));
    }

    /** Adds the camera network watch's meters: frames, kernel and interface drops, flows, cameras. */
    public synchronized void register(WatchMetrics watch) {
        watches.add(watch);
        counter("airlock.watch.frames", "Frames the camera network watch read off its interface", watch,
                WatchMetrics::frames);
        counter("airlock.watch.kernel.drops", "Frames the kernel dropped before the watch read them (capture buffer"
                + " full)", watch, WatchMetrics::kernelDrops);
        counter("airlock.watch.interface.drops", "Frames the capture interface dropped", watch,
                WatchMetrics::interfaceDrops);
        counter("airlock.watch.flows.created", "Flows the watch has tracked", watch, WatchMetrics::flowsCreated);
        counter("airlock.watch.flow.overflow.packets", "Packets of new flows counted in aggregate because the flow"
                + " table was full", watch, WatchMetrics::flowOverflowPackets);
        Gauge.builder("airlock.watch.flows", watch, WatchMetrics::flows)
                .description("Flows the watch holds now").strongReference(true).register(registry);
        Gauge.builder("airlock.watch.cameras", watch, WatchMetrics::cameras)
                .description("Cameras the watch knows of").strongReference(true).register(registry);
    }

    /** Adds an alert sink's meters: findings delivered, dropped by its bounded queue, and failed writes. */
    public synchronized void register(SinkMetrics sink) {
        sinks.add(sink);
        FunctionCounter.builder("airlock.alerts.delivered", sink, SinkMetrics::delivered).tag("sink", sink.sink())
                .description("Findings an alert sink wrote or sent").register(registry);
        FunctionCounter.builder("airlock.alerts.dropped", sink, SinkMetrics::dropped).tag("sink", sink.sink())
                .description("Findings an alert sink dropped because its bounded queue was full").register(registry);
        FunctionCounter.builder("airlock.alerts.errors", sink, SinkMetrics::errors).tag("sink", sink.sink())
                .description("Write or send failures of an alert sink (each retried)").register(registry);
    }

    /**
     * Adds the recorder server's meters: sessions served over all cameras, the limit and SETUPs it refused, and the
     * connections it refused or closed.
     */
    public synchronized void register(RecorderServerMetrics limit) {
        recorderLimits.add(limit);
        Gauge.builder("airlock.recorder.sessions.served", limit, RecorderServerMetrics::sessions)
                .description("Recorder sessions served now, over all cameras").strongReference(true)
                .register(registry);
        Gauge.builder("airlock.recorder.sessions.limit", limit, RecorderServerMetrics::maxSessions)
                .description("Recorder sessions served at once at most (limits.max_recorders)").strongReference(true)
                .register(registry);
        counter("airlock.recorder.limit.refusals", "Recorder SETUPs refused (453) because limits.max_recorders"
                + " sessions were being served", limit, RecorderServerMetrics::refusals);
        counter("airlock.recorder.port.unreachable", "ICMP port unreachable reports for media sent to UDP recorders",
                limit, RecorderServerMetrics::portUnreachable);
        counter("airlock.rtsp.idle.connections.closed", "RTSP connections closed for holding no session and sending"
                + " nothing for the session timeout", limit, RecorderServerMetrics::idleConnectionsClosed);
        for (String reason : limit.connectionRejectionReasons()) {
            FunctionCounter.builder("airlock.rtsp.rejected.connections", limit, l -> l.connectionRejections(reason))
                    .description("RTSP connections closed for malformed or hostile framing (oversized headers or"
                            + " bodies, garbage, slowloris, pipelined floods), by reason")
                    .tag("reason", reason).register(registry);
        }
    }

    private <T> void counter(String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    /**
     * A sink that counts each finding for {@code airlock_findings_total} and passes it on to {@code next}. Findings
     * are labelled with the stream they are about when it is a registered one.
     */
    public FindingSink countFindings(FindingSink next) {
        return finding -> {
            findings.onFinding(finding);
            next.onFinding(finding);
        };
    }

    /** Writes every meter in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public synchronized void scrape(OutputStream out) throws IOException {
        for (StreamMeters s : streams) {
            s.refresh();
        }
        findings.refresh();
        registry.scrape(out);
    }

    /** Every meter as text, for tests and tools. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            scrape(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
