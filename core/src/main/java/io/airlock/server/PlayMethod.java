package io.airlock.server;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;

import java.net.InetSocketAddress;

/**
 * PLAY (RFC 2326 §10.5) of a session on one connection: attaches its set-up tracks to the source. The first PLAY
 * answers {@code Range: npt=0.000-} and an RTP-Info entry (§12.33) per track with the sequence number and RTP time
 * its first packet will carry; a PLAY of a session without tracks is 455.
 */
final class PlayMethod {

    private final RtspServerConfig config;
    private final InetSocketAddress peer;
    private final RtspReplies replies;

    PlayMethod(final RtspServerConfig config, final InetSocketAddress peer, final RtspReplies replies) {
        this.config = config;
        this.peer = peer;
        this.replies = replies;
    }

    FullHttpResponse handle(final String cseq, final RtspSession session) {
        if (!session.hasTracks()) {
            return replies.reply(RtspResponseStatuses.METHOD_NOT_VALID, cseq);
        }
        final boolean starting = !session.playing();
        session.play();
        final FullHttpResponse r = replies.withSession(replies.reply(HttpResponseStatus.OK, cseq), session);
        r.headers().set("Range", "npt=0.000-");
        if (starting) {
            final String info = rtpInfo(session);
            if (!info.isEmpty()) {
                r.headers().set("RTP-Info", info);
            }
            config.listener().playing(peer, session.source().path(), session.id());
        }
        return r;
    }

    private static String rtpInfo(final RtspSession session) {
        final StringBuilder info = new StringBuilder();
        for (int t = 0; t < session.tracks(); t++) {
            final Egress e = session.egress(t);
            if (e != null && e.firstSequenceNumber() >= 0) {
                info.append(info.length() == 0 ? "" : ",").append("url=").append(session.trackUrl(t))
                        .append(";seq=").append(e.firstSequenceNumber()).append(";rtptime=")
                        .append(e.firstRtpTime());
            }
        }
        return info.toString();
    }
}
