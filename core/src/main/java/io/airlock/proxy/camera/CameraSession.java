package io.airlock.proxy.camera;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ONE upstream RTSP session Airlock keeps per camera. Connects, runs the exchange in {@link CameraConnection},
 * reconnects after any loss with {@link Backoff} (1 s doubling to 30 s), and in {@link TransportMode#AUTO} redoes
 * the session over TCP, for good, when UDP delivered nothing within {@link Timings#udpFallbackMs()} of PLAY.
 * Everything runs on one event loop of the given group; {@link #start()} and {@link #stop()} may be called from any
 * thread. Camera replies are parsed with Airlock's tolerant parser, not Netty's RtspDecoder (see
 * {@link CameraConnection}).
 */
public final class CameraSession {

    /**
     * Time limits of one session.
     *
     * @param replyTimeoutMs   how long a request may go unanswered before the connection is given up
     * @param udpFallbackMs    AUTO mode: silence after PLAY that sends the camera to TCP
     * @param connectTimeoutMs TCP connect timeout
     */
    public record Timings(long replyTimeoutMs, long udpFallbackMs, int connectTimeoutMs) {
        public static final Timings DEFAULT = new Timings(10_000, 3_000, 5_000);
    }

    private final CameraEndpoint endpoint;
    private final CameraSessionListener listener;
    private final EventLoop loop;
    private final Backoff backoff;
    private final Timings timings;
    private final Class<? extends SocketChannel> socketType;
    private final Class<? extends DatagramChannel> datagramType;
    private CameraConnection current;
    private ScheduledFuture<?> reconnect;
    private boolean stopped;
    private boolean stickyTcp;
    private long connections;

    public CameraSession(final CameraEndpoint endpoint, final EventLoopGroup group,
                         final CameraSessionListener listener) {
        this(endpoint, group, listener, new Backoff(), Timings.DEFAULT, NioSocketChannel.class,
                NioDatagramChannel.class);
    }

    /** Full control, e.g. Epoll channel types for an Epoll group, or a fast backoff in tests. */
    public CameraSession(final CameraEndpoint endpoint, final EventLoopGroup group,
                         final CameraSessionListener listener, final Backoff backoff, final Timings timings,
                         final Class<? extends SocketChannel> socketType,
                         final Class<? extends DatagramChannel> datagramType) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.loop = group.next();
        this.backoff = backoff;
        this.timings = timings;
        this.socketType = socketType;
        this.datagramType = datagramType;
    }

    /** Starts connecting; reconnects until {@link #stop()}. */
    public void start() {
        loop.execute(() -> {
            if (!stopped && current == null && reconnect == null) {
                connect();
            }
        });
    }

    /**
     * Sends TEARDOWN if a session exists, closes and stops reconnecting.
     *
     * @return done once the TEARDOWN has been handed to the connection (or there was no session to tear down)
     */
    public Future<?> stop() {
        return loop.submit(() -> {
            stopped = true;
            if (reconnect != null) {
                reconnect.cancel(false);
                reconnect = null;
            }
            if (current != null) {
                current.teardown();
                current = null;
            }
        });
    }

    public CameraEndpoint endpoint() {
        return endpoint;
    }

    /** The transport the next or current connection uses. */
    public TransportMode activeTransport() {
        return useTcp() ? TransportMode.TCP : TransportMode.UDP;
    }

    /** Connection attempts so far (read on the event loop or after stop). */
    public long connections() {
        return connections;
    }

    CameraSessionListener listener() {
        return listener;
    }

    Timings timings() {
        return timings;
    }

    Class<? extends DatagramChannel> datagramType() {
        return datagramType;
    }

    boolean fallsBackToTcp() {
        return endpoint.transport() == TransportMode.AUTO;
    }

    void playing(final CameraConnection connection) {
        if (connection == current) {
            backoff.sessionUp(now());
        }
    }

    void connectionLost(final CameraConnection connection, final String reason) {
        if (connection != current || stopped) {
            return;
        }
        current = null;
        final long delay = backoff.nextDelay(now());
        listener.sessionLost(reason, delay);
        reconnect = loop.schedule(() -> {
            reconnect = null;
            if (!stopped) {
                connect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    void udpSilent(final CameraConnection connection) {
        if (connection != current || stopped) {
            return;
        }
        stickyTcp = true;
        current = null;
        connection.teardown();
        listener.sessionLost("no RTP over UDP within " + timings.udpFallbackMs() + " ms of PLAY; switching to TCP",
                0);
        connect();
    }

    private boolean useTcp() {
        return endpoint.transport() == TransportMode.TCP || endpoint.transport() == TransportMode.AUTO && stickyTcp;
    }

    private void connect() {
        connections++;
        final CameraConnection connection = new CameraConnection(this, useTcp());
        current = connection;
        final ChannelFuture f = new Bootstrap().group(loop).channel(socketType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timings.connectTimeoutMs())
                .option(ChannelOption.TCP_NODELAY, true)
                // Pooled receive buffers: the recorder egress writes retainedSlice()s of them, which the pooled
                // allocator recycles (no object per packet); Netty 4.2's default adaptive buffers would allocate one.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(connection)
                .connect(endpoint.host(), endpoint.port());
        f.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                connection.fail("cannot connect to " + endpoint.host() + ":" + endpoint.port() + " ("
                        + done.cause().getClass().getSimpleName() + ")");
            }
        });
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
