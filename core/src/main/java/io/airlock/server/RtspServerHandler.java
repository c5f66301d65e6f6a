package io.airlock.server;

import io.airlock.rtsp.TransportHeader;
import io.airlock.rtsp.netty.FramingRejection;
import io.airlock.rtsp.netty.InterleavedFrame;
import io.airlock.rtsp.netty.InterleavedFrameDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * The RTSP 1.0 (RFC 2326) method state machine of one recorder connection: OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE,
 * TEARDOWN, GET_PARAMETER and SET_PARAMETER. CSeq is echoed byte for byte; Session is matched ignoring
 * {@code ;timeout}; SETUP goes through {@link TransportPolicy}; idle sessions time out. Interleaved frames from the
 * peer (RTCP receiver reports) only count as liveness. Control replies stop reading while the socket is backed up, so
 * pipelined requests cannot grow the outbound buffer without bound.
 */
final class RtspServerHandler extends ChannelInboundHandlerAdapter {

    static final String PUBLIC_METHODS =
            "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER";
    private static final String CSEQ = "CSeq";
    private static final int MAX_INTERLEAVED_CHANNEL = 255;

    private final RtspServer server;
    private final RtspServerConfig config;
    private final TransportHeader transport = new TransportHeader();
    private final int[] selected = new int[1];
    private InetSocketAddress peer;
    private SessionTable sessions;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> sweeper;

    RtspServerHandler(final RtspServer server) {
        this.server = server;
        this.config = server.config();
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        peer = (InetSocketAddress) ctx.channel().remoteAddress();
        sessions = new SessionTable(server, peer);
        context = ctx;
        server.connected(this);
        final long periodMs = Math.max(100, Math.min(1000, config.sessionTimeoutSeconds() * 250L));
        sweeper = ctx.executor().scheduleAtFixedRate(() -> sweep(ctx), periodMs, periodMs, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) {
        server.disconnected(this);
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (sessions != null) {
            sessions.endAll();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        try {
            if (msg instanceof InterleavedFrame) {
                sessions.touchAll(System.nanoTime());
            } else if (msg instanceof FullHttpRequest) {
                request(ctx, (FullHttpRequest) msg);
            } else {
                // A response, or what RtspDecoder makes of garbage: a recorder has no business sending either.
                server.badRequest();
                ctx.writeAndFlush(response(RtspResponseStatuses.BAD_REQUEST, null))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) {
        if (evt instanceof FramingRejection) {
            server.rejected((FramingRejection) evt);
            config.listener().connectionRejected(peer, (FramingRejection) evt);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
            sessions.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        ctx.close();
    }

    private void request(final ChannelHandlerContext ctx, final FullHttpRequest req) {
        final String cseq = req.headers().get(CSEQ);
        if (req.decoderResult().isFailure() || cseq == null) {
            server.badRequest();
            final FullHttpResponse r = response(RtspResponseStatuses.BAD_REQUEST, cseq);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        final FullHttpResponse r = dispatch(ctx, req, cseq);
        ctx.writeAndFlush(r, ctx.voidPromise());
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private FullHttpResponse dispatch(final ChannelHandlerContext ctx, final FullHttpRequest req, final String cseq) {
        final HttpMethod method = req.method();
        if (RtspMethods.OPTIONS.equals(method)) {
            final FullHttpResponse r = response(HttpResponseStatus.OK, cseq);
            r.headers().set("Public", PUBLIC_METHODS);
            return r;
        }
        if (config.authenticator() != null) {
            final String challenge = config.authenticator().challenge(peer, req);
            if (challenge != null) {
                final FullHttpResponse r = response(HttpResponseStatus.UNAUTHORIZED, cseq);
                r.headers().set("WWW-Authenticate", challenge);
                return r;
            }
        }
        final String sessionHeader = req.headers().get("Session");
        RtspSession session = null;
        if (sessionHeader != null) {
            session = sessions.get(sessionId(sessionHeader));
            if (session == null) {
                return response(RtspResponseStatuses.SESSION_NOT_FOUND, cseq);
            }
            session.touch(System.nanoTime());
        }
        if (RtspMethods.DESCRIBE.equals(method)) {
            return describe(req, cseq);
        }
        if (RtspMethods.SETUP.equals(method)) {
            return setup(ctx, req, cseq, session);
        }
        if (RtspMethods.GET_PARAMETER.equals(method) || RtspMethods.SET_PARAMETER.equals(method)) {
            return withSession(response(HttpResponseStatus.OK, cseq), session);
        }
        if (RtspMethods.PLAY.equals(method) || RtspMethods.PAUSE.equals(method)
                || RtspMethods.TEARDOWN.equals(method)) {
            if (session == null) {
                return response(RtspResponseStatuses.SESSION_NOT_FOUND, cseq);
            }
            if (RtspMethods.TEARDOWN.equals(method)) {
                sessions.end(session);
                return response(HttpResponseStatus.OK, cseq);
            }
            if (RtspMethods.PAUSE.equals(method)) {
                session.pause();
                return withSession(response(HttpResponseStatus.OK, cseq), session);
            }
            return play(cseq, session);
        }
        if (RtspMethods.ANNOUNCE.equals(method) || RtspMethods.RECORD.equals(method)
                || RtspMethods.REDIRECT.equals(method)) {
            final FullHttpResponse r = response(RtspResponseStatuses.METHOD_NOT_ALLOWED, cseq);
            r.headers().set("Allow", PUBLIC_METHODS);
            return r;
        }
        return response(RtspResponseStatuses.NOT_IMPLEMENTED, cseq);
    }

    private FullHttpResponse describe(final FullHttpRequest req, final String cseq) {
        final String path = RtspUrl.path(req.uri());
        final MediaSource source = server.source(path);
        if (source == null || !source.path().equals(path)) {
            return response(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        final String base = RtspUrl.base(req.uri());
        final String description = source.sdp(base);
        if (description == null) {
            return response(HttpResponseStatus.SERVICE_UNAVAILABLE, cseq);
        }
        final byte[] sdp = description.getBytes(StandardCharsets.UTF_8);
        final FullHttpResponse r = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(sdp));
        headers(r, cseq);
        r.headers().set("Content-Type", "application/sdp");
        r.headers().set("Content-Base", base + "/");
        for (Map.Entry<String, String> h : config.describeHeaders().entrySet()) {
            r.headers().set(h.getKey(), h.getValue());
        }
        r.headers().set("Content-Length", sdp.length);
        return r;
    }

    private FullHttpResponse setup(final ChannelHandlerContext ctx, final FullHttpRequest req, final String cseq,
            final RtspSession existing) {
        final String value = req.headers().get("Transport");
        final TransportRefusal refusal = value == null || transport.parse(value) != null
                ? TransportRefusal.BAD_TRANSPORT : TransportPolicy.check(transport, peer.getAddress(), selected);
        if (refusal != null) {
            server.refused();
            config.listener().refused(peer, refusal, value);
            return response(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, cseq);
        }
        transport.select(selected[0]);
        final String path = RtspUrl.path(req.uri());
        final MediaSource source = server.source(path);
        if (source == null) {
            return response(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        final String control = path.length() > source.path().length() ? path.substring(source.path().length() + 1)
                : "";
        final int track = source.track(control);
        if (track < 0) {
            return response(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        if (existing != null && existing.source() != source) {
            return response(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED, cseq);
        }
        if (existing == null && sessions.size() >= config.maxSessionsPerConnection()) {
            return response(RtspResponseStatuses.NOT_ENOUGH_BANDWIDTH, cseq);
        }
        final RtspSession session = existing != null ? existing
                : new RtspSession(newSessionId(), source, System.nanoTime());
        final Egress egress = transport.tcp() ? tcpEgress(ctx, track) : udpEgress(session);
        if (egress == null) {
            if (transport.tcp()) {
                server.refused();
                config.listener().refused(peer, TransportRefusal.BAD_INTERLEAVED, value);
                return response(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, cseq);
            }
            return response(HttpResponseStatus.SERVICE_UNAVAILABLE, cseq);
        }
        session.setUp(track, egress, RtspUrl.base(req.uri()));
        if (existing == null) {
            sessions.add(session);
        }
        final FullHttpResponse r = response(HttpResponseStatus.OK, cseq);
        final StringBuilder t = new StringBuilder(egress.transportParameters());
        final long ssrc = source.ssrc(track);
        if (ssrc >= 0) {
            t.append(";ssrc=").append(config.ssrcLeadingSpace() ? " " : "")
                    .append(String.format("%08X", ssrc));
        }
        r.headers().set("Transport", t.toString());
        return withSession(r, session);
    }

    private Egress tcpEgress(final ChannelHandlerContext ctx, final int track) {
        int rtp = transport.interleavedLow();
        int rtcp = transport.interleavedHigh();
        if (rtp < 0) {
            rtp = 2 * track;
            while (rtp < MAX_INTERLEAVED_CHANNEL && sessions.usesChannel(rtp)) {
                rtp += 2;
            }
            rtcp = rtp + 1;
        } else if (rtcp == rtp) {
            rtcp = rtp + 1;
        }
        if (rtp > MAX_INTERLEAVED_CHANNEL || rtcp > MAX_INTERLEAVED_CHANNEL || sessions.usesChannel(rtp)
                || sessions.usesChannel(rtcp)) {
            return null;
        }
        return new TcpInterleavedEgress(ctx.pipeline().context(InterleavedFrameDecoder.class), rtp, rtcp,
                config.recorderQueuePackets());
    }

    private Egress udpEgress(final RtspSession session) {
        final int low = transport.clientPortLow();
        final int high = transport.clientPortHigh() > low ? transport.clientPortHigh() : low + 1;
        final RecorderPortPair ports = server.bindUdp(peer.getAddress(), () -> session.touch(System.nanoTime()));
        if (ports == null) {
            return null;
        }
        return new UdpEgress(ports, new InetSocketAddress(peer.getAddress(), low),
                new InetSocketAddress(peer.getAddress(), Math.min(high, 0xFFFF)), config.recorderQueuePackets(),
                () -> disconnect(session));
    }

    /**
     * A UDP recorder of {@code session} stalled (any thread): ends the session on this connection's event loop and
     * closes the connection, as a stalled TCP recorder's is closed; UDP alone would tell the recorder nothing.
     */
    private void disconnect(final RtspSession session) {
        onLoop(() -> {
            if (sessions.end(session)) {
                context.close();
            }
        });
    }

    private FullHttpResponse play(final String cseq, final RtspSession session) {
        if (!session.hasTracks()) {
            return response(RtspResponseStatuses.METHOD_NOT_VALID, cseq);
        }
        final boolean starting = !session.playing();
        session.play();
        final FullHttpResponse r = withSession(response(HttpResponseStatus.OK, cseq), session);
        r.headers().set("Range", "npt=0.000-");
        if (starting) {
            final StringBuilder info = new StringBuilder();
            for (int t = 0; t < session.tracks(); t++) {
                final Egress e = session.egress(t);
                if (e != null && e.firstSequenceNumber() >= 0) {
                    info.append(info.length() == 0 ? "" : ",").append("url=").append(session.trackUrl(t))
                            .append(";seq=").append(e.firstSequenceNumber()).append(";rtptime=")
                            .append(e.firstRtpTime());
                }
            }
            if (info.length() > 0) {
                r.headers().set("RTP-Info", info.toString());
            }
            config.listener().playing(peer, session.source().path(), session.id());
        }
        return r;
    }

    private void sweep(final ChannelHandlerContext ctx) {
        final long timeoutNs = TimeUnit.SECONDS.toNanos(config.sessionTimeoutSeconds());
        if (sessions.endIdle(System.nanoTime(), timeoutNs) && sessions.isEmpty()) {
            ctx.close();
        }
    }

    /** Ends, on this connection's event loop, the sessions {@code end} picks; see {@link RtspServer#endSessions}. */
    CompletableFuture<List<String>> endSessions(final BiPredicate<InetSocketAddress, String> end) {
        final CompletableFuture<List<String>> done = new CompletableFuture<>();
        final boolean queued = onLoop(() -> {
            final List<String> ended = sessions.endPicked(end);
            if (!ended.isEmpty() && sessions.isEmpty()) {
                context.close();
            }
            done.complete(ended);
        });
        if (!queued) {
            done.complete(List.of());
        }
        return done;
    }

    /** Runs {@code task} on this connection's event loop; false when the loop is shutting down. */
    private boolean onLoop(final Runnable task) {
        try {
            context.executor().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            // Its connections, and their sessions, are closing anyway.
            return false;
        }
    }

    private FullHttpResponse withSession(final FullHttpResponse r, final RtspSession session) {
        if (session != null) {
            r.headers().set("Session", session.id() + ";timeout=" + config.sessionTimeoutSeconds());
        }
        return r;
    }

    private FullHttpResponse response(final HttpResponseStatus status, final String cseq) {
        final FullHttpResponse r = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status);
        headers(r, cseq);
        r.headers().set("Content-Length", 0);
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

    /** The id part of a Session header: {@code 12345678;timeout=60} gives {@code 12345678}. */
    static String sessionId(final String header) {
        final int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim();
    }

    private static String newSessionId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999_999L));
    }
}
