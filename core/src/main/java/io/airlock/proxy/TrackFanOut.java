package io.airlock.proxy;

import io.airlock.pipeline.Track;
import io.airlock.server.MediaSink;
import io.netty.buffer.ByteBuf;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorders of one camera track. A packet received once is offered to every attached sink; each sink retains
 * what it queues (a reference count, not a copy) and drops rather than block, so a stalled recorder can hold up
 * neither the camera nor the others. Attaching and detaching happen on recorder sessions' threads; delivery on the
 * egress stage's thread.
 */
final class TrackFanOut {

    private final Track track;
    private final RtpContinuity continuity;
    private final CopyOnWriteArrayList<MediaSink> sinks = new CopyOnWriteArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean dirty;

    TrackFanOut(Track track, RtpContinuity continuity) {
        this.track = track;
        this.continuity = continuity;
        track.egress(this);
    }

    Track track() {
        return track;
    }

    RtpContinuity continuity() {
        return continuity;
    }

    void attach(MediaSink sink) {
        sink.playing(continuity.nextSequence(), continuity.lastTimestamp());
        sinks.addIfAbsent(sink);
    }

    void detach(MediaSink sink) {
        sinks.remove(sink);
    }

    int recorders() {
        return sinks.size();
    }

    /** Offers one packet (readerIndex to writerIndex) to every recorder of the track. */
    void deliver(ByteBuf packet) {
        for (MediaSink sink : sinks) {
            if (sink.offer(packet, false)) {
                delivered.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        }
        dirty = true;
    }

    /** Pushes what the sinks queued since the last flush to their sockets. */
    void flush() {
        if (dirty) {
            dirty = false;
            for (MediaSink sink : sinks) {
                sink.flush();
            }
        }
    }

    long delivered() {
        return delivered.get();
    }

    long dropped() {
        return dropped.get();
    }
}
