package io.airlock.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DESCRIBE (RFC 2326 §10.2): the SDP of the source at the request's path, with {@code Content-Base} set to the
 * request URL so that the tracks' relative {@code a=control} URLs resolve under it. 404 for an unknown path (a track
 * URL is not describable), 503 while the source has no description yet (its camera is not connected).
 */
final class DescribeMethod {

    private final RtspServer server;
    private final RtspReplies replies;

    DescribeMethod(final RtspServer server, final RtspReplies replies) {
        this.server = server;
        this.replies = replies;
    }

    FullHttpResponse handle(final FullHttpRequest req, final String cseq) {
        final String path = RtspUrl.path(req.uri());
        final MediaSource source = server.source(path);
        if (source == null || !source.path().equals(path)) {
            return replies.reply(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        final String base = RtspUrl.base(req.uri());
        final String description = source.sdp(base);
        if (description == null) {
            return replies.reply(HttpResponseStatus.SERVICE_UNAVAILABLE, cseq);
        }
        final byte[] sdp = description.getBytes(StandardCharsets.UTF_8);
        final FullHttpResponse r = replies.reply(cseq, Unpooled.wrappedBuffer(sdp), "application/sdp");
        r.headers().set("Content-Base", base + "/");
        for (Map.Entry<String, String> h : server.config().describeHeaders().entrySet()) {
            r.headers().set(h.getKey(), h.getValue());
        }
        r.headers().set("Content-Length", sdp.length);
        return r;
    }
}
