package io.airlock.rtsp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Streaming framer for one TCP direction of an RTSP 1.0 connection carrying text messages and RFC 2326 §10.12
 * interleaved binary frames.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  '$' = 0x24   |    channel    |            length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 data (length bytes, usually one RTP/RTCP packet)              ...
 * </pre>
 *
 * <p>A unit lying wholly inside one fed slice is handed over as a slice of the caller's buffer ({@code owned=false});
 * a unit straddling feeds is accumulated into a buffer from the allocator and handed over with {@code owned=true}.
 * Garbage, header sections over 64 KiB and Content-Length over 1 MiB are skipped by scanning for the next status
 * line, request line at line start or plausible {@code $} frame; each skipped run is reported once. Not thread-safe.
 */
public final class InterleavedFramer {

    private final RtspFrameListener listener;
    private final ByteBufAllocator allocator;

    private ByteBuf pending;
    private long pendingStreamOffset;
    private long pendingTotal;
    private boolean resyncing;
    private Rejection resyncReason;
    private long resyncStreamOffset;
    private long resyncSkipped;
    private boolean previousWasLf;
    private long framingErrors;
    private long skippedBytes;

    public InterleavedFramer(final RtspFrameListener listener) {
        this(listener, PooledByteBufAllocator.DEFAULT);
    }

    public InterleavedFramer(final RtspFrameListener listener, final ByteBufAllocator allocator) {
        this.listener = listener;
        this.allocator = allocator;
    }

    /** Feeds the next {@code len} bytes of the stream; {@code streamOffset} is the stream position of {@code off}. */
    public void feed(final ByteBuf buf, final int off, final int len, final long streamOffset) {
        int pos = off;
        final int end = off + len;
        while (pos < end) {
            final long so = streamOffset + (pos - off);
            if (pending != null) {
                pos = feedPending(buf, pos, end, so);
            } else if (resyncing) {
                pos = resync(buf, pos, end);
            } else {
                final long r = FrameScanner.unitLength(buf, pos, end);
                if (r > 0) {
                    emit(buf, pos, (int) r, false, so);
                    pos += (int) r;
                } else if (r == FrameScanner.NEED_MORE) {
                    pending = allocator.buffer(Math.max(64, end - pos));
                    pending.writeBytes(buf, pos, end - pos);
                    pendingStreamOffset = so;
                    pendingTotal = requiredLength(pending, pending.writerIndex());
                    pos = end;
                } else {
                    startResync(verdict(r), so, buf.getUnsignedByte(pos) == '\n');
                    pos++;
                }
            }
        }
    }

    /** Drops any partial unit and resync state. */
    public void reset() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        pendingTotal = 0;
        resyncing = false;
        resyncSkipped = 0;
        previousWasLf = false;
    }

    /** Number of skipped runs reported so far. */
    public long framingErrors() {
        return framingErrors;
    }

    /** Total bytes skipped while resynchronising (including a run still in progress). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** Whether a partial unit is buffered. */
    public boolean hasPending() {
        return pending != null;
    }

    private int feedPending(final ByteBuf buf, final int pos, final int end, final long so) {
        final int held = pending.writerIndex();
        final int avail = end - pos;
        int want;
        if (pendingTotal > 0) {
            want = (int) Math.min(avail, pendingTotal - held);
        } else if (pending.getUnsignedByte(0) == '$') {
            want = Math.min(avail, FrameScanner.INTERLEAVED_HEADER_LENGTH - held);
        } else {
            want = Math.min(avail, RtspMessage.MAX_HEADER_SECTION_LENGTH - held);
        }
        pending.writeBytes(buf, pos, Math.max(1, want));
        final int have = pending.writerIndex();
        final long r = FrameScanner.unitLength(pending, 0, have);
        if (r > 0) {
            final ByteBuf unit = pending;
            pending = null;
            pendingTotal = 0;
            emit(unit, 0, (int) r, true, pendingStreamOffset);
            return pos + (int) (r - held);
        }
        if (r == FrameScanner.NEED_MORE) {
            pendingTotal = requiredLength(pending, have);
            return pos + Math.max(1, want);
        }
        return abandonPending(verdict(r), held, pos);
    }

    /** The pending unit is not one: rescan its older bytes for a fresh start, then go on with the input. */
    private int abandonPending(final Rejection reason, final int held, final int pos) {
        final ByteBuf old = pending;
        final int have = old.writerIndex();
        pending = null;
        pendingTotal = 0;
        startResync(reason, pendingStreamOffset, old.getUnsignedByte(0) == '\n');
        for (int k = 1; k < held; k++) {
            if (FrameScanner.plausibleStart(old, k, have, previousWasLf)) {
                endResync();
                pending = allocator.buffer(Math.max(64, held - k));
                pending.writeBytes(old, k, held - k);
                pendingStreamOffset += k;
                old.release();
                return pos;
            }
            skip(old.getUnsignedByte(k));
        }
        old.release();
        return pos;
    }

    private int resync(final ByteBuf buf, final int pos, final int end) {
        for (int p = pos; p < end; p++) {
            if (FrameScanner.plausibleStart(buf, p, end, previousWasLf)) {
                endResync();
                return p;
            }
            skip(buf.getUnsignedByte(p));
        }
        return end;
    }

    private void startResync(final Rejection reason, final long streamOffset, final boolean lf) {
        resyncing = true;
        resyncReason = reason;
        resyncStreamOffset = streamOffset;
        resyncSkipped = 0;
        skip(lf ? '\n' : 0);
    }

    private void skip(final int c) {
        resyncSkipped++;
        skippedBytes++;
        previousWasLf = c == '\n';
    }

    private void endResync() {
        resyncing = false;
        framingErrors++;
        listener.framingError(resyncReason, resyncStreamOffset, resyncSkipped);
        resyncSkipped = 0;
        previousWasLf = false;
    }

    private void emit(final ByteBuf b, final int off, final int len, final boolean owned, final long so) {
        if (b.getUnsignedByte(off) == '$') {
            final int hl = FrameScanner.INTERLEAVED_HEADER_LENGTH;
            listener.interleavedFrame(b.getUnsignedByte(off + 1), b, off + hl, len - hl, owned, so);
        } else {
            listener.rtspMessage(b, off, len, owned, so);
        }
    }

    /** Total length once it is known from the held bytes, else 0. */
    private static long requiredLength(final ByteBuf b, final int have) {
        if (b.getUnsignedByte(0) == '$') {
            return have >= FrameScanner.INTERLEAVED_HEADER_LENGTH
                    ? FrameScanner.INTERLEAVED_HEADER_LENGTH + (long) b.getUnsignedShort(2) : 0;
        }
        final int he = FrameScanner.headerEnd(b, 0, have);
        if (he < 0) {
            return 0;
        }
        return he + Math.max(0, FrameScanner.contentLength(b, 0, he));
    }

    private static Rejection verdict(final long r) {
        if (r == FrameScanner.HEADERS_TOO_LONG) {
            return RtspRejection.TOO_LONG;
        }
        if (r == FrameScanner.BODY_TOO_LONG) {
            return RtspRejection.BODY_TOO_LONG;
        }
        if (r == FrameScanner.BAD_CONTENT_LENGTH) {
            return RtspRejection.BAD_CONTENT_LENGTH;
        }
        return RtspRejection.GARBAGE;
    }
}
