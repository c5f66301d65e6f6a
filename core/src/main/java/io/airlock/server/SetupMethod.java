package io.airlock.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SETUP (RFC 2326 §10.4) on one connection: negotiates the track's transport, then sets the track up in the
 * request's session, or in a new session when the request names none. Refusals: 461 for a Transport the policy
 * refuses (counted and reported to the listener), 404 for an unknown source or track, 459 for a track of another
 * source than the session's, 453 when the connection already holds its most sessions or the server its most
 * sessions over all connections ({@link SessionLimit}), 503 when no UDP port pair is free.
 */
final class SetupMethod {

    /**
     * The answer when the server already serves its most sessions. 453 rather than 503: RFC 2326 gives 453 to a
     * request refused for want of resources (such as a failed reservation), which this is; the per-connection cap
     * already answers it; and 503 here means "this camera is not available yet", which a recorder may reasonably
     * retry at once. FFmpeg fails the open on either and logs the status line ("method SETUP failed: 453 ..."), so
     * the reason phrase names the cause.
     */
    static final HttpResponseStatus SESSION_LIMIT_REACHED =
            new HttpResponseStatus(453, "Not Enough Bandwidth (server session limit reached)");

    private final RtspServer server;
    private final RtspServerConfig config;
    private final InetSocketAddress peer;
    private final SessionTable sessions;
    private final TransportNegotiation negotiation;
    private final RtspReplies replies;

    SetupMethod(final RtspServer server, final InetSocketAddress peer, final SessionTable sessions,
                final TransportNegotiation negotiation, final RtspReplies replies) {
        this.server = server;
        this.config = server.config();
        this.peer = peer;
        this.sessions = sessions;
        this.negotiation = negotiation;
        this.replies = replies;
    }

    /** @param existing the session the request names, or null */
    FullHttpResponse handle(final FullHttpRequest req, final String cseq, final RtspSession existing) {
        final String value = req.headers().get("Transport");
        final TransportRefusal refusal = negotiation.negotiate(value);
        if (refusal != null) {
            return refused(refusal, value, cseq);
        }
        final String path = RtspUrl.path(req.uri());
        final MediaSource source = server.source(path);
        if (source == null) {
            return replies.reply(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        final String control = path.length() > source.path().length() ? path.substring(source.path().length() + 1)
                : "";
        final int track = source.track(control);
        if (track < 0) {
            return replies.reply(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        if (existing != null && existing.source() != source) {
            return replies.reply(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED, cseq);
        }
        if (existing == null) {
            if (sessions.size() >= config.maxSessionsPerConnection()) {
                return replies.reply(RtspResponseStatuses.NOT_ENOUGH_BANDWIDTH, cseq);
            }
            if (!server.sessionLimit().tryAcquire()) {
                config.listener().sessionLimitReached(peer, source.path(), server.sessionLimit().max());
                return replies.reply(SESSION_LIMIT_REACHED, cseq);
            }
        }
        final RtspSession session = existing != null ? existing
                : new RtspSession(newSessionId(), source, System.nanoTime());
        final Egress egress = negotiation.egress(track, session);
        if (egress == null) {
            if (existing == null) {
                server.sessionLimit().release();
            }
            if (negotiation.tcp()) {
                return refused(TransportRefusal.BAD_INTERLEAVED, value, cseq);
            }
            return replies.reply(HttpResponseStatus.SERVICE_UNAVAILABLE, cseq);
        }
        session.setUp(track, egress, RtspUrl.base(req.uri()));
        if (existing == null) {
            sessions.add(session);
        }
        final FullHttpResponse r = replies.reply(HttpResponseStatus.OK, cseq);
        final StringBuilder t = new StringBuilder(egress.transportParameters());
        final long ssrc = source.ssrc(track);
        if (ssrc >= 0) {
            t.append(";ssrc=").append(config.ssrcLeadingSpace() ? " " : "").append(String.format("%08X", ssrc));
        }
        r.headers().set("Transport", t.toString());
        return replies.withSession(r, session);
    }

    private FullHttpResponse refused(final TransportRefusal refusal, final String value, final String cseq) {
        server.refused();
        config.listener().refused(peer, refusal, value);
        return replies.reply(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, cseq);
    }

    private static String newSessionId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999_999L));
    }
}
