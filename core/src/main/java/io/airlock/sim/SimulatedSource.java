package io.airlock.sim;

import io.airlock.server.MediaSink;
import io.airlock.server.MediaSource;
import io.netty.buffer.ByteBufAllocator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link Clip} served as one video track at {@code /<clip name>}, in a {@link Vendor}'s style. Every attached sink
 * gets its own {@link Playout} from the first access unit (so a recorder always starts on the keyframe), scheduled on
 * the sink's event loop, or on {@code fallback} when the sink has none.
 */
public final class SimulatedSource implements MediaSource {

    private final Clip clip;
    private final Vendor vendor;
    private final int fps;
    private final String path;
    private final long ssrc;
    private final long sessionId;
    private final ScheduledExecutorService fallback;
    private final ByteBufAllocator allocator;
    private final Map<MediaSink, Playout> playouts = new ConcurrentHashMap<>();

    public SimulatedSource(final Clip clip, final Vendor vendor, final int fps, final ScheduledExecutorService fallback,
            final ByteBufAllocator allocator) {
        if (fps < 1 || fps > 240) {
            throw new IllegalArgumentException("fps=" + fps);
        }
        this.clip = clip;
        this.vendor = vendor;
        this.fps = fps;
        this.path = "/" + clip.name();
        this.ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
        this.sessionId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        this.fallback = fallback;
        this.allocator = allocator;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String sdp(final String baseUrl) {
        return vendor.sdp(baseUrl, clip, fps, sessionId);
    }

    @Override
    public int tracks() {
        return 1;
    }

    @Override
    public int track(final String control) {
        if (control.isEmpty() || control.equals("trackID=" + vendor.firstTrackId())) {
            return 0;
        }
        return -1;
    }

    @Override
    public long ssrc(final int track) {
        return ssrc;
    }

    @Override
    public void attach(final int track, final MediaSink sink) {
        if (track != 0 || playouts.containsKey(sink)) {
            return;
        }
        final ThreadLocalRandom r = ThreadLocalRandom.current();
        final Playout p = new Playout(clip, sink, ssrc, fps, r.nextInt(0x10000), r.nextLong(0x100000000L), allocator);
        playouts.put(sink, p);
        sink.playing(p.firstSequenceNumber(), p.firstTimestamp());
        final ScheduledExecutorService executor = sink.executor();
        p.start(executor != null ? executor : fallback);
    }

    @Override
    public void detach(final int track, final MediaSink sink) {
        final Playout p = playouts.remove(sink);
        if (p != null) {
            p.stop();
        }
    }

    /** Stops every playout. */
    public void stopAll() {
        for (Playout p : playouts.values()) {
            p.stop();
        }
        playouts.clear();
    }

    /** Sessions currently playing. */
    public int playing() {
        return playouts.size();
    }

    public Clip clip() {
        return clip;
    }
}
