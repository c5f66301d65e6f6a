package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspVersions;

/**
 * Builds the RTSP 1.0 replies of one server: every reply echoes the request's CSeq byte for byte and carries the
 * configured Server header; replies within a session carry {@code Session: id;timeout=seconds} (RFC 2326 §12.37).
 */
final class RtspReplies {

    static final String CSEQ = "CSeq";

    private final RtspServerConfig config;

    RtspReplies(final RtspServerConfig config) {
        this.config = config;
    }

    /** A reply without a body; {@code cseq} null when the request had none. */
    FullHttpResponse reply(final HttpResponseStatus status, final String cseq) {
        final FullHttpResponse r = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status);
        headers(r, cseq);
        r.headers().set("Content-Length", 0);
        return r;
    }

    /** A 200 reply carrying {@code body} of {@code contentType}. */
    FullHttpResponse reply(final String cseq, final ByteBuf body, final String contentType) {
        final FullHttpResponse r = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, HttpResponseStatus.OK, body);
        headers(r, cseq);
        r.headers().set("Content-Type", contentType);
        return r;
    }

    /** Adds the Session header when there is a session. */
    FullHttpResponse withSession(final FullHttpResponse r, final RtspSession session) {
        if (session != null) {
            r.headers().set("Session", session.id() + ";timeout=" + config.sessionTimeoutSeconds());
        }
        return r;
    }

    private void headers(final FullHttpResponse r, final String cseq) {
        if (cseq != null) {
            r.headers().set(CSEQ, cseq);
        }
        if (config.serverHeader() != null) {
            r.headers().set("Server", config.serverHeader());
        }
    }
}
