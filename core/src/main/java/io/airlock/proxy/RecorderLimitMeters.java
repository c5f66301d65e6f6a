package io.airlock.proxy;

import io.airlock.metrics.RecorderLimitMetrics;
import io.airlock.server.RtspServer;

/** The recorder server's {@code limits.max_recorders} accounting, as the metrics read it. */
final class RecorderLimitMeters implements RecorderLimitMetrics {

    private final RtspServer server;

    RecorderLimitMeters(RtspServer server) {
        this.server = server;
    }

    @Override
    public long sessions() {
        return server.sessions();
    }

    @Override
    public long maxSessions() {
        return server.config().maxSessions();
    }

    @Override
    public long refusals() {
        return server.sessionLimitRefusals();
    }
}
