package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** One track of tiny RTP packets every 2 ms (seq from 1000, SSRC 0x11223344) to each attached sink. */
final class TestSource implements MediaSource {

    static final long SSRC = 0x11223344L;
    private final Map<MediaSink, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final int packetsPerTick;
    private final int padding;

    TestSource() {
        this(1, 8);
    }

    /** A heavier source: {@code packetsPerTick} packets of 12 + {@code padding} bytes every 2 ms. */
    TestSource(final int packetsPerTick, final int padding) {
        this.packetsPerTick = packetsPerTick;
        this.padding = padding;
    }

    @Override
    public String path() {
        return "/cam";
    }

    @Override
    public String sdp(final String baseUrl) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=test\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n"
                + "a=rtpmap:96 H264/90000\r\na=control:trackID=1\r\n";
    }

    @Override
    public int tracks() {
        return 1;
    }

    @Override
    public long ssrc(final int track) {
        return SSRC;
    }

    @Override
    public void attach(final int track, final MediaSink sink) {
        sink.playing(1000, 5000);
        final int[] seq = {1000};
        running.put(sink, sink.executor().scheduleAtFixedRate(() -> {
            for (int i = 0; i < packetsPerTick; i++) {
                final ByteBuf p = Unpooled.buffer(12 + padding);
                p.writeByte(0x80).writeByte(96).writeShort(seq[0]).writeInt(5000).writeInt((int) SSRC)
                        .writeZero(padding);
                seq[0] = (seq[0] + 1) & 0xFFFF;
                if (!sink.offer(p, false)) {
                    dropped.incrementAndGet();
                }
                p.release();
            }
            sink.flush();
        }, 0, 2, TimeUnit.MILLISECONDS));
    }

    @Override
    public void detach(final int track, final MediaSink sink) {
        final ScheduledFuture<?> f = running.remove(sink);
        if (f != null) {
            f.cancel(false);
        }
    }

    long dropped() {
        return dropped.get();
    }

    int attached() {
        return running.size();
    }

    /** What a stalled recorder's source does: disconnects every attached sink. */
    void disconnectAll() {
        for (MediaSink sink : running.keySet()) {
            sink.disconnect();
        }
    }
}
