package io.airlock.sim;

import io.airlock.rtp.RtpPacket;
import io.airlock.rtp.SenderReportWriter;
import io.airlock.server.MediaSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One session's real-time playout of a {@link Clip}: one access unit per tick at the frame rate, from the first
 * access unit, looping with continuous RTP sequence numbers and timestamps (RFC 3550 §5.1). Each packet is copied
 * once from the clip with this session's sequence number, timestamp and SSRC, offered to the sink and released; a
 * sink that cannot keep up drops (and counts) instead of slowing the clock. A sender report with the CNAME follows the
 * first frame of every second.
 */
final class Playout implements Runnable {

    private static final int CLOCK_RATE = 90_000;
    private static final int SEQUENCE_OFFSET = 2;
    private static final int TIMESTAMP_OFFSET = 4;
    private static final int SSRC_OFFSET = 8;

    private final Clip clip;
    private final MediaSink sink;
    private final long ssrc;
    private final int fps;
    private final ByteBufAllocator allocator;
    private final int firstSequenceNumber;
    private final long firstTimestamp;
    private final SenderReportWriter senderReports = new SenderReportWriter("airlock-sim");
    private int sequenceNumber;
    private long packetsSent;
    private long octetsSent;
    private long frames;
    private long skippedFrames;
    private long periodNs;
    private long startNanos;
    private ScheduledFuture<?> future;

    Playout(final Clip clip, final MediaSink sink, final long ssrc, final int fps, final int firstSequenceNumber,
            final long firstTimestamp, final ByteBufAllocator allocator) {
        this.clip = clip;
        this.sink = sink;
        this.ssrc = ssrc;
        this.fps = fps;
        this.firstSequenceNumber = firstSequenceNumber & 0xFFFF;
        this.sequenceNumber = this.firstSequenceNumber;
        this.firstTimestamp = firstTimestamp & 0xFFFFFFFFL;
        this.allocator = allocator;
    }

    /** How far behind real time a playout may fall before it skips ahead. */
    static final long MAX_FRAMES_BEHIND = 25;

    void start(final ScheduledExecutorService executor) {
        periodNs = TimeUnit.SECONDS.toNanos(1) / fps;
        startNanos = System.nanoTime();
        future = executor.scheduleAtFixedRate(this, 0, periodNs, TimeUnit.NANOSECONDS);
    }

    void stop() {
        if (future != null) {
            future.cancel(false);
        }
    }

    @Override
    public void run() {
        // A camera starved of CPU drops frames; it does not send a second of video in one burst afterwards, which
        // is what a fixed-rate schedule catching up would do.
        final long due = (System.nanoTime() - startNanos) / periodNs;
        if (due - frames > MAX_FRAMES_BEHIND) {
            skippedFrames += due - frames;
            frames = due;
        }
        final List<byte[]> packets = clip.packets((int) (frames % clip.accessUnitCount()));
        final long timestamp = (firstTimestamp + frames * CLOCK_RATE / fps) & 0xFFFFFFFFL;
        frames++;
        for (int i = 0; i < packets.size(); i++) {
            final byte[] p = packets.get(i);
            final ByteBuf b = allocator.buffer(p.length, p.length);
            try {
                b.writeBytes(p);
                b.setShort(SEQUENCE_OFFSET, sequenceNumber);
                b.setInt(TIMESTAMP_OFFSET, (int) timestamp);
                b.setInt(SSRC_OFFSET, (int) ssrc);
                sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
                packetsSent++;
                octetsSent += p.length - RtpPacket.MIN_HEADER_LENGTH;
                sink.offer(b, false);
            } finally {
                b.release();
            }
        }
        if ((frames - 1) % fps == 0) {
            senderReport(timestamp);
        }
        sink.flush();
    }

    /** Once a second, as cameras do, with the frame just sent as the NTP/RTP pair (RFC 3550 §6.4.1). */
    private void senderReport(final long timestamp) {
        final ByteBuf b = allocator.buffer(senderReports.length(), senderReports.length());
        try {
            senderReports.write(b, ssrc, System.currentTimeMillis(), timestamp, packetsSent, octetsSent);
            sink.offer(b, true);
        } finally {
            b.release();
        }
    }

    int firstSequenceNumber() {
        return firstSequenceNumber;
    }

    long firstTimestamp() {
        return firstTimestamp;
    }

    long frames() {
        return frames;
    }

    /** Frames skipped because the playout fell more than {@link #MAX_FRAMES_BEHIND} behind real time. */
    long skippedFrames() {
        return skippedFrames;
    }
}
