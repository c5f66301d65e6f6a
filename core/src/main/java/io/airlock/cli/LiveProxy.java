package io.airlock.cli;

import io.airlock.alert.FindingSink;
import io.airlock.config.AirlockConfig;
import io.airlock.config.Listen;
import io.airlock.management.Health;
import io.airlock.management.HealthCheck;
import io.airlock.management.ManagementServer;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.config.ReloadResult;
import io.airlock.management.ReloadHandler;
import io.airlock.proxy.ProxyRuntime;
import io.airlock.proxy.Reloader;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The proxy of a live command with its metrics and management listener. The management port is claimed before any
 * camera is contacted, so a port in use stops the command at once with one line; shutdown stops the proxy first (its
 * last packets still counted), then the listener.
 */
final class LiveProxy implements AutoCloseable {

    private final ProxyRuntime runtime;
    private final ManagementServer management;
    private final AirlockMetrics metrics;
    private final Reloader reloader;

    private LiveProxy(ProxyRuntime runtime, ManagementServer management, AirlockMetrics metrics, Reloader reloader) {
        this.runtime = runtime;
        this.management = management;
        this.metrics = metrics;
        this.reloader = reloader;
    }

    /**
     * Builds the proxy, binds the management listener on {@code listen.management}, then starts the proxy.
     *
     * @param anyPortIfBusy when the configured management port is taken, serve on a free port of the same address
     *                      instead and say so on {@code log} (for the demo: a local Prometheus may hold 9090)
     * @throws BindException when the management address cannot be bound, in one line
     */
    static LiveProxy start(AirlockConfig config, FindingSink sink, PrintStream log, boolean anyPortIfBusy)
            throws BindException {
        return start(config, sink, log, anyPortIfBusy, null);
    }

    /**
     * The same, reloadable from {@code configFile} through {@code POST /reload} (and whoever else uses
     * {@link #reloader()}); null for a configuration that has no file, like the demo's.
     */
    static LiveProxy start(AirlockConfig config, FindingSink sink, PrintStream log, boolean anyPortIfBusy,
                           Path configFile) throws BindException {
        AirlockMetrics metrics = new AirlockMetrics();
        ProxyRuntime runtime = ProxyRuntime.create(config, sink, log, metrics);
        Reloader reloader = configFile == null ? null : new Reloader(configFile, runtime, log);
        ManagementServer management = null;
        try {
            management = listen(config.listen(), metrics, runtime, log, anyPortIfBusy, handler(reloader));
            runtime.start();
            return new LiveProxy(runtime, management, metrics, reloader);
        } catch (BindException | RuntimeException e) {
            runtime.close();
            if (management != null) {
                management.close();
            }
            metrics.close();
            throw e;
        }
    }

    private static ReloadHandler handler(Reloader reloader) {
        if (reloader == null) {
            return null;
        }
        return () -> {
            ReloadResult r = reloader.reload();
            return new ReloadHandler.Result(r.ok(), String.join("; ", r.ok() ? (r.changes().isEmpty()
                    ? List.of("no changes") : r.changes()) : r.errors()));
        };
    }

    private static ManagementServer listen(Listen listen, AirlockMetrics metrics, ProxyRuntime runtime,
                                           PrintStream log, boolean anyPortIfBusy, ReloadHandler reload)
            throws BindException {
        InetSocketAddress at = new InetSocketAddress(listen.management().address(), listen.management().port());
        HealthCheck health = () -> Health.of(runtime.streams());
        try {
            return ManagementServer.start(at, listen.managementToken(), metrics, health, reload);
        } catch (BindException e) {
            if (!anyPortIfBusy) {
                throw e;
            }
            log.println("airlock: " + e.getMessage() + "; using a free port instead");
            return ManagementServer.start(new InetSocketAddress(at.getAddress(), 0), listen.managementToken(),
                    metrics, health, reload);
        }
    }

    /** The URL recorders open for each camera and profile. */
    List<String> urls() {
        return runtime.urls();
    }

    /** The registry the live command's other parts (the watch) add their meters to. */
    AirlockMetrics metrics() {
        return metrics;
    }

    /** Where Prometheus scrapes, e.g. {@code http://127.0.0.1:9090/metrics}. */
    String metricsUrl() {
        return management.url("/metrics");
    }

    /** Reloads the configuration file; null when there is none. */
    Reloader reloader() {
        return reloader;
    }

    /** Stops the proxy (TEARDOWN, recorder sessions, pipeline), then the listener; says what was stopped. */
    String stop() {
        String stopped = runtime.stop();
        management.close();
        metrics.close();
        return stopped;
    }

    @Override
    public void close() {
        stop();
    }
}
