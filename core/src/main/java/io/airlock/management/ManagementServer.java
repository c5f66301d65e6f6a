package io.airlock.management;

import io.airlock.config.Secret;
import io.airlock.metrics.AirlockMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The management listener: HTTP/1.1 on Netty, one event loop of its own, per connection {@code HttpServerCodec}
 * (request line 4 KiB, headers 8 KiB) → {@code HttpObjectAggregator} (body 4 KiB) → {@link ManagementHandler}.
 * At most {@link #MAX_CONNECTIONS} connections at once; each must complete a request within
 * {@link ManagementHandler#REQUEST_TIMEOUT_MS} and may then stay idle for {@link ManagementHandler#IDLE_TIMEOUT_MS}.
 *
 * <pre>{@code
 * ManagementServer m = ManagementServer.start(new InetSocketAddress("127.0.0.1", 9090), null, metrics,
 *         () -> Health.of(runtime.streams()), null);
 * m.url("/metrics");                        // http://127.0.0.1:9090/metrics
 * m.close();
 * }</pre>
 */
public final class ManagementServer implements AutoCloseable {

    /** Connections served at once; more are closed on accept. */
    public static final int MAX_CONNECTIONS = 16;
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_SIZE = 8192;
    static final int MAX_BODY = 4096;

    private final EventLoopGroup group;
    private final Channel listener;

    private ManagementServer(EventLoopGroup group, Channel listener) {
        this.group = group;
        this.listener = listener;
    }

    /**
     * Binds and starts serving.
     *
     * @param bind    the address, e.g. {@code listen.management}; port 0 picks a free port
     * @param token   the bearer token every request must carry, or null (loopback only: configuration validation
     *                refuses any other address without one)
     * @param metrics what {@code /metrics} serves
     * @param health  what {@code /health} reports
     * @param reload  what {@code POST /reload} does, or null to answer 501
     * @throws BindException when the address cannot be bound (in use, not local, not permitted), in one line
     */
    public static ManagementServer start(InetSocketAddress bind, Secret token, AirlockMetrics metrics,
                                         HealthCheck health, ReloadHandler reload) throws BindException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("airlock-management", true), NioIoHandler.newFactory());
        AtomicInteger open = new AtomicInteger();
        BearerToken bearer = new BearerToken(token);
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (open.incrementAndGet() > MAX_CONNECTIONS) {
                            open.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        ch.pipeline().addLast(
                                new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(MAX_INITIAL_LINE)
                                        .setMaxHeaderSize(MAX_HEADER_SIZE).setMaxChunkSize(MAX_BODY)),
                                new HttpObjectAggregator(MAX_BODY),
                                new ManagementHandler(bearer, metrics, health, reload));
                    }
                });
        ChannelFuture bound = b.bind(bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            String reason = bound.cause() == null ? "unknown" : bound.cause().getMessage();
            BindException e = new BindException("cannot listen for management on " + text(bind) + ": " + reason);
            e.initCause(bound.cause());
            throw e;
        }
        return new ManagementServer(group, bound.channel());
    }

    /** The bound address (with the real port when bound to port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** The URL of {@code path} on this listener, e.g. {@code http://127.0.0.1:9090/metrics}. */
    public String url(String path) {
        return "http://" + text(address()) + path;
    }

    /** Stops listening, closes every connection, and waits (bounded) for the event loop to end. */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private static String text(InetSocketAddress a) {
        String host = NetUtil.toAddressString(a.getAddress());
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
