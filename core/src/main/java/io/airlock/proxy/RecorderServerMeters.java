package io.airlock.proxy;

import io.airlock.metrics.RecorderServerMetrics;
import io.airlock.rtsp.netty.FramingRejection;
import io.airlock.server.RtspServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The recorder server's limit accounting and refused connections, as the metrics read them. */
final class RecorderServerMeters implements RecorderServerMetrics {

    private final RtspServer server;

    RecorderServerMeters(RtspServer server) {
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

    @Override
    public long portUnreachable() {
        return server.portUnreachable();
    }

    @Override
    public long idleConnectionsClosed() {
        return server.idleConnectionsClosed();
    }

    @Override
    public List<String> connectionRejectionReasons() {
        List<String> reasons = new ArrayList<>();
        for (FramingRejection r : FramingRejection.values()) {
            reasons.add(r.name().toLowerCase(Locale.ROOT));
        }
        return reasons;
    }

    @Override
    public long connectionRejections(String reason) {
        return server.rejections(FramingRejection.valueOf(reason.toUpperCase(Locale.ROOT)));
    }
}
