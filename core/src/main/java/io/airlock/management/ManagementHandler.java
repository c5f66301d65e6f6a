package io.airlock.management;

import io.airlock.metrics.AirlockMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One management connection: checks the bearer token (and, without one, that the Host is an address or
 * {@code localhost}), then routes. Answers are bounded, errors one line of text that never echoes the request, the
 * token or any header. Requests are handled one at a time on the listener's event loop.
 */
final class ManagementHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Time a connection has to send a whole request, from its opening. */
    static final long REQUEST_TIMEOUT_MS = 10_000;
    /** Time a kept-alive connection may wait for its next request. */
    static final long IDLE_TIMEOUT_MS = 30_000;
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private final BearerToken token;
    private final AirlockMetrics metrics;
    private final HealthCheck health;
    private final ReloadHandler reload;
    private ScheduledFuture<?> deadline;

    ManagementHandler(BearerToken token, AirlockMetrics metrics, HealthCheck health, ReloadHandler reload) {
        this.token = token;
        this.metrics = metrics;
        this.health = health;
        this.reload = reload;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && deadline == null) {
            expectRequestWithin(ctx, REQUEST_TIMEOUT_MS);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (deadline == null) {
            expectRequestWithin(ctx, REQUEST_TIMEOUT_MS);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (request.decoderResult().isFailure()) {
            text(ctx, statusOf(request.decoderResult().cause()), "malformed request", true);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!token.admits(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            FullHttpResponse r = response(HttpResponseStatus.UNAUTHORIZED, TEXT,
                    line("unauthorized: send 'Authorization: Bearer' with listen.management_token"));
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"airlock\"");
            send(ctx, r, !keepAlive);
            return;
        }
        if (!token.required() && !HostHeader.addressOrLocalhost(request.headers().get(HttpHeaderNames.HOST))) {
            // Without a token the listener is on loopback; a foreign Host there is a browser led by DNS rebinding.
            text(ctx, HttpResponseStatus.FORBIDDEN, "forbidden: without a management token the Host must be an IP"
                    + " address or localhost", !keepAlive);
            return;
        }
        route(ctx, request.method(), new QueryStringDecoder(request.uri()).path(), !keepAlive);
    }

    private void route(ChannelHandlerContext ctx, HttpMethod method, String path, boolean close) {
        switch (path) {
            case "/metrics" -> {
                if (allowed(ctx, method, HttpMethod.GET, close)) {
                    metrics(ctx, close);
                }
            }
            case "/health", "/health/ready", "/health/live" -> {
                if (allowed(ctx, method, HttpMethod.GET, close)) {
                    Health h = health.check();
                    boolean live = path.equals("/health/live");
                    HttpResponseStatus status = live || h.ready() ? HttpResponseStatus.OK
                            : HttpResponseStatus.SERVICE_UNAVAILABLE;
                    send(ctx, response(status, JSON, utf8(h.json(!path.equals("/health/ready"), !live))), close);
                }
            }
            case "/reload" -> {
                if (allowed(ctx, method, HttpMethod.POST, close)) {
                    reload(ctx, close);
                }
            }
            default -> text(ctx, HttpResponseStatus.NOT_FOUND, "not found: /metrics, /health, /health/live,"
                    + " /health/ready, /reload", close);
        }
    }

    private void metrics(ChannelHandlerContext ctx, boolean close) {
        ByteBuf body = ctx.alloc().buffer();
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            metrics.scrape(out);
        } catch (IOException | RuntimeException e) {
            body.release();
            text(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "metrics scrape failed", close);
            return;
        }
        send(ctx, response(HttpResponseStatus.OK, AirlockMetrics.CONTENT_TYPE, body), close);
    }

    private void reload(ChannelHandlerContext ctx, boolean close) {
        if (reload == null) {
            text(ctx, HttpResponseStatus.NOT_IMPLEMENTED, "reload is not available: restart Airlock to apply a"
                    + " new configuration", close);
            return;
        }
        ReloadHandler.Result result;
        try {
            result = reload.reload();
        } catch (RuntimeException e) {
            text(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "reload failed", close);
            return;
        }
        text(ctx, result.applied() ? HttpResponseStatus.OK : HttpResponseStatus.CONFLICT,
                result.message().replace('\n', ' ').replace('\r', ' '), close);
    }

    private boolean allowed(ChannelHandlerContext ctx, HttpMethod method, HttpMethod expected, boolean close) {
        if (method.equals(expected)) {
            return true;
        }
        FullHttpResponse r = response(HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT,
                line("method not allowed: use " + expected.name()));
        r.headers().set(HttpHeaderNames.ALLOW, expected.name());
        send(ctx, r, close);
        return false;
    }

    private static HttpResponseStatus statusOf(Throwable decoderFailure) {
        if (decoderFailure instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (decoderFailure instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return decoderFailure instanceof TooLongFrameException ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
    }

    private void text(ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean close) {
        send(ctx, response(status, TEXT, line(message)), close);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, ByteBuf body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        return r;
    }

    private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean close) {
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
            expectRequestWithin(ctx, IDLE_TIMEOUT_MS);
        }
    }

    private void expectRequestWithin(ChannelHandlerContext ctx, long millis) {
        deadline = ctx.executor().schedule(() -> ctx.close(), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset connection or a failed scrape: nothing useful can be said to this client any more.
        ctx.close();
    }

    private static ByteBuf line(String message) {
        return utf8(message + "\n");
    }

    private static ByteBuf utf8(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
