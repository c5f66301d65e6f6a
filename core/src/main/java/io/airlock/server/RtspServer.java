package io.airlock.server;

import io.airlock.rtsp.RtspMessage;
import io.airlock.rtsp.netty.FramingRejection;
import io.airlock.rtsp.netty.InterleavedFrameDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiPredicate;

/**
 * The recorder-facing RTSP server: Netty (epoll on Linux, else NIO) with, per connection, {@link
 * InterleavedFrameDecoder} → {@code RtspDecoder} → {@code HttpObjectAggregator(64 KiB)} → {@code RtspEncoder} →
 * {@link RtspServerHandler}. Serves {@link MediaSource}s by URL path; media goes only to the requesting peer, over the
 * RTSP connection (interleaved) or UDP from a server port pair. Used by the camera simulator, later by the proxy.
 *
 * <pre>{@code
 * RtspServer s = new RtspServer(new RtspServerConfig().bind(new InetSocketAddress("127.0.0.1", 0))).start();
 * s.addSource(source);            // served at rtsp://127.0.0.1:<s.port()><source.path()>
 * s.close();
 * }</pre>
 */
public final class RtspServer implements AutoCloseable {

    private static final int MAX_INITIAL_LINE = 8 * 1024;
    private static final int MAX_HEADER_SIZE = RtspMessage.MAX_HEADER_SECTION_LENGTH;
    private static final int MAX_CHUNK_SIZE = 64 * 1024;
    private static final int MAX_PATH_DEPTH = 32;

    private final RtspServerConfig config;
    private final NettyTransport transport;
    private final Map<String, MediaSource> sources = new ConcurrentHashMap<>();
    private final AtomicLongArray rejections = new AtomicLongArray(FramingRejection.values().length);
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong badRequests = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong portUnreachable = new AtomicLong();
    private final AtomicLong idleClosed = new AtomicLong();
    private final SessionLimit sessions;
    private final Set<RtspServerHandler> handlers = ConcurrentHashMap.newKeySet();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private EventLoopGroup udp;
    private Channel listener;

    public RtspServer(final RtspServerConfig config) {
        this.config = config.conclude();
        this.sessions = new SessionLimit(this.config.maxSessions());
        this.transport = new NettyTransport(config.preferEpoll());
    }

    /** Binds the listening socket; throws (setup error) when it cannot. */
    public RtspServer start() {
        boss = transport.newGroup(1);
        workers = transport.newGroup(config.workerThreads());
        udp = transport.newGroup(config.udpThreads());
        final RtspServer self = this;
        final ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(final SocketChannel ch) {
                        connections.incrementAndGet();
                        ch.pipeline().addLast(new InterleavedFrameDecoder(),
                                new RtspDecoder(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE),
                                new HttpObjectAggregator(MAX_CHUNK_SIZE),
                                new RtspEncoder(),
                                new RtspServerHandler(self));
                    }
                });
        try {
            listener = b.bind(config.bind()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot bind RTSP server bind=" + config.bind() + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Serves {@code source} at its path, replacing any source already there. */
    public RtspServer addSource(final MediaSource source) {
        sources.put(source.path(), source);
        return this;
    }

    public MediaSource removeSource(final String path) {
        return sources.remove(path);
    }

    /** The bound address (with the real port when bound to port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The URL of a path on this server, e.g. {@code rtsp://127.0.0.1:8554/cam}. */
    public String url(final String path) {
        final InetSocketAddress a = address();
        final String host = a.getAddress().getHostAddress();
        return "rtsp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ':' + a.getPort() + path;
    }

    public boolean epoll() {
        return transport.epoll();
    }

    public RtspServerConfig config() {
        return config;
    }

    /** Connections closed for a framing violation, by reason. */
    public long rejections(final FramingRejection reason) {
        return rejections.get(reason.ordinal());
    }

    /** SETUPs refused by the transport policy. */
    public long refusedSetups() {
        return refused.get();
    }

    public long badRequests() {
        return badRequests.get();
    }

    public long connections() {
        return connections.get();
    }

    /** Connections closed for holding no session and sending nothing for the session timeout. */
    public long idleConnectionsClosed() {
        return idleClosed.get();
    }

    /** Counts a connection closed idle; its handler calls this. */
    void idleClosed() {
        idleClosed.incrementAndGet();
    }

    /** ICMP port unreachable reports for RTP or RTCP sent to UDP recorders (their port was closed). */
    public long portUnreachable() {
        return portUnreachable.get();
    }

    /** RTSP sessions set up and not yet ended, over all connections. */
    public int sessions() {
        return sessions.used();
    }

    /** SETUPs refused because {@link RtspServerConfig#maxSessions()} sessions were already being served. */
    public long sessionLimitRefusals() {
        return sessions.refused();
    }

    /**
     * Ends every session that {@code end} picks, given the peer and the path of the source the session plays. Each
     * connection does it on its own event loop; one left without a session is closed, since RTSP 1.0 gives a server
     * no request to end a client's session and the closed connection is what every client notices.
     *
     * @return completes with the source path of each session ended
     */
    public CompletableFuture<List<String>> endSessions(final BiPredicate<InetSocketAddress, String> end) {
        final List<CompletableFuture<List<String>>> each = new ArrayList<>();
        for (RtspServerHandler h : handlers) {
            each.add(h.endSessions(end));
        }
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            final List<String> paths = new ArrayList<>();
            for (CompletableFuture<List<String>> f : each) {
                paths.addAll(f.join());
            }
            return paths;
        });
    }

    /** Stops listening, closes every connection and socket, and waits (bounded) for the event loops to end. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        for (EventLoopGroup g : new EventLoopGroup[] {boss, workers, udp}) {
            if (g != null) {
                g.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
        for (EventLoopGroup g : new EventLoopGroup[] {boss, workers, udp}) {
            if (g != null) {
                g.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
            }
        }
    }

    /** The source serving {@code path} or one of its parents (a track URL), or null. */
    MediaSource source(final String path) {
        String p = path;
        for (int i = 0; i < MAX_PATH_DEPTH && !p.isEmpty(); i++) {
            final MediaSource s = sources.get(p);
            if (s != null) {
                return s;
            }
            final int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return null;
            }
            p = p.substring(0, slash);
        }
        return null;
    }

    RecorderPortPair bindUdp(final InetAddress peer, final Runnable onPeerPacket) {
        return RecorderPortPair.bind(transport, udp, config.bind().getAddress(), config.udpPortLow(),
                config.udpPortHigh(), peer, onPeerPacket, portUnreachable);
    }

    void connected(final RtspServerHandler handler) {
        handlers.add(handler);
    }

    void disconnected(final RtspServerHandler handler) {
        handlers.remove(handler);
    }

    SessionLimit sessionLimit() {
        return sessions;
    }

    void rejected(final FramingRejection reason) {
        rejections.incrementAndGet(reason.ordinal());
    }

    void refused() {
        refused.incrementAndGet();
    }

    void badRequest() {
        badRequests.incrementAndGet();
    }
}
