package io.airlock.container.dhav;

import io.airlock.container.CarryBuffer;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Streaming demuxer for Dahua DHAV framing (.dav files, Dahua private streams), after FFmpeg libavformat/dhav.c.
 *
 * <pre>
 * [ "DAHUA" ... (0x400 bytes) ]  then frames:
 *  0  4  'D' 'H' 'A' 'V'       4 type   5 subtype   6 channel   7 frame_subnumber
 *  8  4  frame_number (LE)    12  4  frame_length (LE: header + extensions + payload + 8-byte tail)
 * 16  4  date bits (LE)       20  2  timestamp ms (LE)   22  1  ext_length   23  1  checksum
 * 24  ext_length bytes of extension TLVs ({@link DhavExtensions}), payload, tail 'd' 'h' 'a' 'v' + frame_length (LE)
 * </pre>
 *
 * <p>{@link #feed} accepts the data split anywhere; payload goes out as zero-copy slices and only a header that
 * straddles two feeds is copied into a 279-byte carry buffer. A frame_length below the header+tail, above 64 MiB, or
 * a mismatched tail is rejected and counted; the demuxer then resynchronises on the next "DHAV". The checksum byte is
 * not verified (FFmpeg ignores it too). Not thread-safe; one instance per stream.
 */
public final class DhavDemuxer {

    public static final int FILE_HEADER_LENGTH = 0x400;
    public static final int HEADER_LENGTH = 24;
    public static final int TAIL_LENGTH = 8;
    /** Frames above this are refused as absurd: the largest real I-frames are a few MiB. */
    public static final long MAX_FRAME_LENGTH = 64L << 20;
    static final int TYPE_OFFSET = 4;
    static final int SUBTYPE_OFFSET = 5;
    static final int CHANNEL_OFFSET = 6;
    static final int FRAME_NUMBER_OFFSET = 8;
    static final int FRAME_LENGTH_OFFSET = 12;
    static final int DATE_OFFSET = 16;
    static final int TIMESTAMP_OFFSET = 20;
    static final int EXT_LENGTH_OFFSET = 22;
    static final int CARRY_CAPACITY = HEADER_LENGTH + 255;
    private static final byte[] MAGIC = {'D', 'H', 'A', 'V'};
    private static final int MAGIC_INT = 0x44484156;
    private static final byte[] TAIL_MAGIC = {'d', 'h', 'a', 'v'};
    private static final byte[] FILE_MAGIC = {'D', 'A', 'H', 'U', 'A'};

    private static final int SCAN = 0;
    private static final int FILE_HEADER = 1;
    private static final int HEADER = 2;
    private static final int PAYLOAD = 3;
    private static final int TAIL = 4;

    private final DhavListener listener;
    private final CarryBuffer carry = new CarryBuffer(CARRY_CAPACITY, DhavDemuxer::required);

    private int state;
    private boolean synced;
    private boolean expectFrame;
    private int matched;
    private int fileMatched;
    private long streamPos;
    private long scanStart;
    private long base;
    private int feedOff;

    private long frameOffset;
    private int frameType;
    private long frameLength;
    private long remaining;
    private int tailIndex;
    private boolean tailOk;

    private long frameCount;
    private long skippedBytes;

    /** A demuxer reporting to {@code listener}. */
    public DhavDemuxer(DhavListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener=null");
        }
        this.listener = listener;
        reset();
    }

    /** Forgets all stream state and counters, ready for a new stream. */
    public void reset() {
        state = SCAN;
        synced = false;
        expectFrame = false;
        matched = 0;
        fileMatched = 0;
        streamPos = 0;
        scanStart = 0;
        carry.clear();
        remaining = 0;
        frameCount = 0;
        skippedBytes = 0;
    }

    /** Frames whose header was accepted since the last reset. */
    public long frameCount() {
        return frameCount;
    }

    /** Bytes that belonged to no frame (garbage before a resync). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** Demuxes the next {@code len} bytes; {@code sourceOffset} (the position of {@code off}) is for reporting. */
    public void feed(ByteBuf buf, int off, int len, long sourceOffset) {
        if (off < 0 || len < 0 || (long) off + len > buf.capacity()) {
            throw new IllegalArgumentException("off=" + off + " len=" + len + " capacity=" + buf.capacity());
        }
        base = sourceOffset - off;
        feedOff = off;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (state == SCAN) {
                pos = scan(buf, pos, end);
            } else if (state == HEADER) {
                pos = header(buf, pos, end);
            } else if (state == PAYLOAD) {
                pos = payload(buf, pos, end);
            } else if (state == TAIL) {
                pos = tail(buf, pos, end);
            } else {
                pos = skipFileHeader(pos, end);
            }
        }
        streamPos += len;
    }

    /** The data is over: reports truncations, closes an open frame and resets for a new stream. */
    public void finish() {
        if (state == FILE_HEADER) {
            reject(DhavRejection.TRUNCATED_FILE_HEADER, 0);
        } else if (state == HEADER) {
            reject(DhavRejection.TRUNCATED_HEADER, frameOffset);
        } else if (state == PAYLOAD || state == TAIL) {
            reject(DhavRejection.TRUNCATED_FRAME, frameOffset);
            listener.frameEnd(false);
        } else if (!synced && streamPos > 0) {
            reject(DhavRejection.NO_FRAME, 0);
        }
        reset();
    }

    private int scan(ByteBuf buf, int pos, int end) {
        for (int p = pos; p < end; p++) {
            byte b = buf.getByte(p);
            long at = streamPos + (p - feedOff);
            if (at < FILE_MAGIC.length && fileMatched == at && b == FILE_MAGIC[(int) at]) {
                fileMatched++;
                if (fileMatched == FILE_MAGIC.length) {
                    synced = true;
                    listener.fileHeader(base + p + 1 - FILE_MAGIC.length);
                    state = FILE_HEADER;
                    remaining = FILE_HEADER_LENGTH - FILE_MAGIC.length;
                    return p + 1;
                }
            }
            if (b == MAGIC[matched]) {
                matched++;
            } else {
                if (expectFrame) {
                    reject(DhavRejection.LOST_SYNC, base + p);
                    expectFrame = false;
                }
                matched = b == MAGIC[0] ? 1 : 0;
            }
            if (matched == MAGIC.length) {
                beginFrame(p - 3);
                return header(buf, p + 1, end);
            }
        }
        return end;
    }

    private int skipFileHeader(int pos, int end) {
        int n = (int) Math.min(remaining, end - pos);
        remaining -= n;
        if (remaining == 0) {
            toScan(base + pos + n);
        }
        return pos + n;
    }

    private void beginFrame(int startPos) {
        matched = 0;
        frameOffset = base + startPos;
        skippedBytes += frameOffset - scanStart;
        state = HEADER;
        carry.begin(startPos, feedOff, MAGIC_INT);
    }

    private static int required(ByteBuf b, int off, int avail, int unusedId) {
        return avail < HEADER_LENGTH ? HEADER_LENGTH : HEADER_LENGTH + b.getUnsignedByte(off + EXT_LENGTH_OFFSET);
    }

    private int header(ByteBuf buf, int pos, int end) {
        int p = carry.gather(buf, pos, end, 0);
        int avail = carry.available(end);
        ByteBuf view = carry.view(buf);
        int viewOff = carry.viewOffset();
        int need = required(view, viewOff, avail, 0);
        if (need > avail) {
            carry.spill(buf, end);
            return end;
        }
        if (!carry.inBuffer()) {
            complete(view, viewOff, need);
            return p;
        }
        // a refused header resumes the scan right after its magic so a real frame inside it is still found
        return complete(view, viewOff, need) ? viewOff + need : viewOff + MAGIC.length;
    }

    /** Validates and reports a gathered header; false when refused (the scan then resumes). */
    private boolean complete(ByteBuf b, int off, int headerLength) {
        long length = b.getUnsignedIntLE(off + FRAME_LENGTH_OFFSET);
        if (length > MAX_FRAME_LENGTH || length < (long) headerLength + TAIL_LENGTH) {
            reject(length > MAX_FRAME_LENGTH ? DhavRejection.FRAME_TOO_LONG : DhavRejection.FRAME_TOO_SHORT,
                    frameOffset);
            state = SCAN;
            expectFrame = false;
            scanStart = frameOffset;
            carry.clear();
            return false;
        }
        synced = true;
        frameCount++;
        frameType = b.getUnsignedByte(off + TYPE_OFFSET);
        frameLength = length;
        listener.frameStart(frameType, b.getUnsignedByte(off + SUBTYPE_OFFSET), b.getUnsignedByte(off + CHANNEL_OFFSET),
                b.getUnsignedIntLE(off + FRAME_NUMBER_OFFSET), length, b.getUnsignedIntLE(off + DATE_OFFSET),
                b.getUnsignedShortLE(off + TIMESTAMP_OFFSET), frameOffset);
        if (!DhavExtensions.parse(listener, b, off + HEADER_LENGTH, off + headerLength, frameOffset)) {
            reject(DhavRejection.EXTENSION_OVERRUN, frameOffset);
        }
        remaining = length - headerLength - TAIL_LENGTH;
        tailIndex = 0;
        tailOk = true;
        state = remaining == 0 ? TAIL : PAYLOAD;
        carry.clear();
        return true;
    }

    private int payload(ByteBuf buf, int pos, int end) {
        int n = (int) Math.min(remaining, end - pos);
        listener.framePayload(frameType, buf, pos, n);
        remaining -= n;
        if (remaining == 0) {
            state = TAIL;
        }
        return pos + n;
    }

    private int tail(ByteBuf buf, int pos, int end) {
        int p = pos;
        while (p < end && tailIndex < TAIL_LENGTH) {
            int expected = tailIndex < TAIL_MAGIC.length ? TAIL_MAGIC[tailIndex]
                    : (int) (frameLength >>> (8 * (tailIndex - TAIL_MAGIC.length))) & 0xFF;
            tailOk &= buf.getUnsignedByte(p) == expected;
            tailIndex++;
            p++;
        }
        if (tailIndex == TAIL_LENGTH) {
            if (!tailOk) {
                reject(DhavRejection.TAIL_MISMATCH, frameOffset);
            }
            listener.frameEnd(tailOk);
            toScan(base + p);
            expectFrame = true;
        }
        return p;
    }

    private void toScan(long scanFrom) {
        state = SCAN;
        matched = 0;
        expectFrame = false;
        scanStart = scanFrom;
    }

    private void reject(Rejection reason, long offset) {
        listener.rejected(reason, offset);
    }

    /** True when the data starts with "DAHUA", or with "DHAV" and a known frame type (F0, F1, FB, FC, FD, FE). */
    public static boolean probe(ByteBuf buf, int off, int len) {
        if (len >= FILE_MAGIC.length && buf.getInt(off) == 0x44414855 && buf.getByte(off + 4) == 'A') {
            return true;
        }
        if (len <= TYPE_OFFSET || buf.getInt(off) != MAGIC_INT) {
            return false;
        }
        int type = buf.getUnsignedByte(off + TYPE_OFFSET);
        return type == 0xF0 || type == 0xF1 || (type >= 0xFB && type <= 0xFE);
    }
}
