package io.airlock.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;

import java.net.InetSocketAddress;

/**
 * Answers the RTSP 1.0 requests of one connection, one method at a time: OPTIONS needs no credentials; every other
 * method goes past the {@link Authenticator} first, then a Session header must name a session of this connection
 * (454 otherwise; matched ignoring {@code ;timeout}) and counts as the peer's sign of life. DESCRIBE, SETUP and PLAY
 * have their own classes; PAUSE, TEARDOWN and the keep-alives GET_PARAMETER and SET_PARAMETER are answered here.
 * ANNOUNCE, RECORD and REDIRECT (a client publishing or redirecting) get 405, anything else 501.
 */
final class RtspRequests {

    static final String PUBLIC_METHODS =
            "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER";

    private final RtspServerConfig config;
    private final InetSocketAddress peer;
    private final SessionTable sessions;
    private final RtspReplies replies;
    private final DescribeMethod describe;
    private final SetupMethod setup;
    private final PlayMethod play;

    RtspRequests(final RtspServer server, final InetSocketAddress peer, final SessionTable sessions,
                 final ChannelHandlerContext ctx) {
        this.config = server.config();
        this.peer = peer;
        this.sessions = sessions;
        this.replies = new RtspReplies(config);
        this.describe = new DescribeMethod(server, replies);
        this.setup = new SetupMethod(server, peer, sessions, new TransportNegotiation(server, peer, sessions, ctx),
                replies);
        this.play = new PlayMethod(config, peer, replies);
    }

    RtspReplies replies() {
        return replies;
    }

    /** The reply to a well-formed request carrying {@code cseq}. */
    FullHttpResponse answer(final FullHttpRequest req, final String cseq) {
        final HttpMethod method = req.method();
        if (RtspMethods.OPTIONS.equals(method)) {
            final FullHttpResponse r = replies.reply(HttpResponseStatus.OK, cseq);
            r.headers().set("Public", PUBLIC_METHODS);
            return r;
        }
        if (config.authenticator() != null) {
            final String challenge = config.authenticator().challenge(peer, req);
            if (challenge != null) {
                final FullHttpResponse r = replies.reply(HttpResponseStatus.UNAUTHORIZED, cseq);
                r.headers().set("WWW-Authenticate", challenge);
                return r;
            }
        }
        final String sessionHeader = req.headers().get("Session");
        RtspSession session = null;
        if (sessionHeader != null) {
            session = sessions.get(sessionId(sessionHeader));
            if (session == null) {
                return replies.reply(RtspResponseStatuses.SESSION_NOT_FOUND, cseq);
            }
            session.touch(System.nanoTime());
        }
        if (RtspMethods.DESCRIBE.equals(method)) {
            return describe.handle(req, cseq);
        }
        if (RtspMethods.SETUP.equals(method)) {
            return setup.handle(req, cseq, session);
        }
        if (RtspMethods.GET_PARAMETER.equals(method) || RtspMethods.SET_PARAMETER.equals(method)) {
            return replies.withSession(replies.reply(HttpResponseStatus.OK, cseq), session);
        }
        if (RtspMethods.PLAY.equals(method) || RtspMethods.PAUSE.equals(method)
                || RtspMethods.TEARDOWN.equals(method)) {
            return session == null ? replies.reply(RtspResponseStatuses.SESSION_NOT_FOUND, cseq)
                    : inSession(method, cseq, session);
        }
        if (RtspMethods.ANNOUNCE.equals(method) || RtspMethods.RECORD.equals(method)
                || RtspMethods.REDIRECT.equals(method)) {
            final FullHttpResponse r = replies.reply(RtspResponseStatuses.METHOD_NOT_ALLOWED, cseq);
            r.headers().set("Allow", PUBLIC_METHODS);
            return r;
        }
        return replies.reply(RtspResponseStatuses.NOT_IMPLEMENTED, cseq);
    }

    /** PLAY, PAUSE or TEARDOWN of an existing session. */
    private FullHttpResponse inSession(final HttpMethod method, final String cseq, final RtspSession session) {
        if (RtspMethods.TEARDOWN.equals(method)) {
            sessions.end(session);
            return replies.reply(HttpResponseStatus.OK, cseq);
        }
        if (RtspMethods.PAUSE.equals(method)) {
            session.pause();
            return replies.withSession(replies.reply(HttpResponseStatus.OK, cseq), session);
        }
        return play.handle(cseq, session);
    }

    /** The id part of a Session header: {@code 12345678;timeout=60} gives {@code 12345678}. */
    static String sessionId(final String header) {
        final int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim();
    }
}
