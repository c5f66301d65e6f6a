package io.airlock.sim;

import io.airlock.server.RtspServer;
import io.airlock.server.RtspServerConfig;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A fake IP camera for tests, demos and benchmarks: serves Annex B files (H.264/H.265, codec sniffed) over RTSP at
 * {@code /<file name without extension>}, paced in real time and looped, over TCP interleaved or UDP, answering in
 * the style of a {@link Vendor}.
 *
 * <pre>{@code
 * try (CameraSimulator sim = CameraSimulator.start(new RtspServerConfig(), Vendor.GENERIC, 25, files)) {
 *     sim.urls();   // rtsp://127.0.0.1:<port>/hisilicon-sei229
 * }
 * }</pre>
 */
public final class CameraSimulator implements AutoCloseable {

    public static final int DEFAULT_FPS = 25;

    private final RtspServer server;
    private final List<SimulatedSource> sources;
    private final EventLoop fallback;

    private CameraSimulator(final RtspServer server, final List<SimulatedSource> sources, final EventLoop fallback) {
        this.server = server;
        this.sources = sources;
        this.fallback = fallback;
    }

    /**
     * Loads {@code files} and starts serving them; {@code config} gives the bind address and limits (its reply style
     * is overwritten by {@code vendor}).
     *
     * @throws IOException when a file is unreadable, not Annex B, or two files share a name
     */
    public static CameraSimulator start(final RtspServerConfig config, final Vendor vendor, final int fps,
            final List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to serve");
        }
        final List<Clip> clips = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (Path f : files) {
            final Clip c = Clip.load(f);
            if (!names.add(c.name())) {
                throw new IOException("two files would be served at the same path name=" + c.name());
            }
            clips.add(c);
        }
        vendor.configure(config);
        final EventLoop fallback = new DefaultEventLoop();
        final List<SimulatedSource> sources = new ArrayList<>();
        for (Clip c : clips) {
            sources.add(new SimulatedSource(c, vendor, fps, fallback, PooledByteBufAllocator.DEFAULT));
        }
        final RtspServer server;
        try {
            server = new RtspServer(config).start();
        } catch (RuntimeException e) {
            fallback.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        for (SimulatedSource s : sources) {
            server.addSource(s);
        }
        return new CameraSimulator(server, sources, fallback);
    }

    /** One URL per served file, in the order given. */
    public List<String> urls() {
        final List<String> urls = new ArrayList<>();
        for (SimulatedSource s : sources) {
            urls.add(server.url(s.path()));
        }
        return urls;
    }

    public RtspServer server() {
        return server;
    }

    public List<SimulatedSource> sources() {
        return sources;
    }

    public int port() {
        return server.port();
    }

    /** Stops all playouts, closes sockets and event loops. */
    @Override
    public void close() {
        for (SimulatedSource s : sources) {
            s.stopAll();
        }
        server.close();
        fallback.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
