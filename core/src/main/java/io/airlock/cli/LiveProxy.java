package io.airlock.cli;

import io.airlock.alert.FindingSink;
import io.airlock.config.AirlockConfig;
import io.airlock.config.Listen;
import io.airlock.management.Health;
import io.airlock.management.HealthCheck;
import io.airlock.management.ManagementServer;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.proxy.ProxyRuntime;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
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

    private LiveProxy(ProxyRuntime runtime, ManagementServer management, AirlockMetrics metrics) {
        this.runtime = runtime;
        this.management = management;
        this.metrics = metrics;
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
        AirlockMetrics metrics = new AirlockMetrics();
        ProxyRuntime runtime = ProxyRuntime.create(config, sink, log, metrics);
        ManagementServer management = null;
        try {
            management = listen(config.listen(), metrics, runtime, log, anyPortIfBusy);
            runtime.start();
            return new LiveProxy(runtime, management, metrics);
        } catch (BindException | RuntimeException e) {
            runtime.close();
            if (management != null) {
                management.close();
            }
            metrics.close();
            throw e;
        }
    }

    private static ManagementServer listen(Listen listen, AirlockMetrics metrics, ProxyRuntime runtime,
                                           PrintStream log, boolean anyPortIfBusy) throws BindException {
        InetSocketAddress at = new InetSocketAddress(listen.management().address(), listen.management().port());
        HealthCheck health = () -> Health.of(runtime.streams());
        try {
            return ManagementServer.start(at, listen.managementToken(), metrics, health, null);
        } catch (BindException e) {
            if (!anyPortIfBusy) {
                throw e;
            }
            log.println("airlock: " + e.getMessage() + "; using a free port instead");
            return ManagementServer.start(new InetSocketAddress(at.getAddress(), 0), listen.managementToken(),
                    metrics, health, null);
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

    @Override
    public void close() {
        runtime.close();
        management.close();
        metrics.close();
    }
}
