package io.airlock.server;

import io.airlock.rtsp.netty.FramingRejection;
import io.airlock.rtsp.netty.InterleavedFrame;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * One recorder connection of an {@link RtspServer}: hands each request to {@link RtspRequests} and writes the reply,
 * ends the connection's sessions when it closes or they go idle (and the connection itself when it is idle with no
 * session), and passes writability on to their TCP egress.
 * Interleaved frames from the peer (RTCP receiver reports) only count as liveness; a response, or what the decoder
 * makes of garbage, gets 400 and the connection closed. Replies stop reading while the socket is backed up, so
 * pipelined requests cannot grow the outbound buffer without bound.
 */
final class RtspServerHandler extends ChannelInboundHandlerAdapter {

    private final RtspServer server;
    private final RtspServerConfig config;
    private InetSocketAddress peer;
    private SessionTable sessions;
    private RtspRequests requests;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> sweeper;
    private long lastHeardNanos;

    RtspServerHandler(final RtspServer server) {
        this.server = server;
        this.config = server.config();
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        peer = (InetSocketAddress) ctx.channel().remoteAddress();
        sessions = new SessionTable(server, peer);
        requests = new RtspRequests(server, peer, sessions, ctx);
        context = ctx;
        lastHeardNanos = System.nanoTime();
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
        lastHeardNanos = System.nanoTime();
        try {
            if (msg instanceof InterleavedFrame) {
                sessions.touchAll(System.nanoTime());
            } else if (msg instanceof FullHttpRequest) {
                request(ctx, (FullHttpRequest) msg);
            } else {
                badRequest(ctx, null);
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
        final String cseq = req.headers().get(RtspReplies.CSEQ);
        if (req.decoderResult().isFailure() || cseq == null) {
            badRequest(ctx, cseq);
            return;
        }
        ctx.writeAndFlush(requests.answer(req, cseq), ctx.voidPromise());
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void badRequest(final ChannelHandlerContext ctx, final String cseq) {
        server.badRequest();
        ctx.writeAndFlush(requests.replies().reply(RtspResponseStatuses.BAD_REQUEST, cseq))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Ends sessions idle past the timeout, closing the connection with its last one; a connection that holds no
     * session and has sent nothing for as long is closed too, so idle connections cannot pile up.
     */
    private void sweep(final ChannelHandlerContext ctx) {
        final long now = System.nanoTime();
        final long timeoutNs = TimeUnit.SECONDS.toNanos(config.sessionTimeoutSeconds());
        if (sessions.endIdle(now, timeoutNs) && sessions.isEmpty()) {
            ctx.close();
        } else if (sessions.isEmpty() && now - lastHeardNanos > timeoutNs) {
            server.idleClosed();
            ctx.close();
        }
    }

    /** Ends, on this connection's event loop, the sessions {@code end} picks; see {@link RtspServer#endSessions}. */
    CompletableFuture<List<String>> endSessions(final BiPredicate<InetSocketAddress, String> end) {
        final CompletableFuture<List<String>> done = new CompletableFuture<>();
        final boolean queued = ConnectionLoop.run(context, () -> {
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
}
