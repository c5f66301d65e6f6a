package io.airlock.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Reassembly state of one TCP direction for {@link TcpReassembler}; allocated once per direction. */
final class TcpStream {

    static final long MASK = 0xFFFFFFFFL;

    private final long[] heldSeq = new long[TcpReassembler.MAX_HELD_SEGMENTS];
    private final byte[][] heldData = new byte[TcpReassembler.MAX_HELD_SEGMENTS][];
    private final long[] heldFileOffset = new long[TcpReassembler.MAX_HELD_SEGMENTS];
    private final long[] heldNs = new long[TcpReassembler.MAX_HELD_SEGMENTS];
    private int heldCount;
    private int heldBytes;
    private boolean started;
    private boolean synSeen;
    private long isn;
    private long next;

    void segment(Flow flow, long seq, int flags, ByteBuf buf, int off, int len, long nowNs, long fileOffset,
            TcpStreamListener listener) {
        if ((flags & TcpReassembler.SYN) != 0) {
            if (!synSeen || seq != isn) {
                // A new ISN on a known tuple is a new connection: give up what the old one left behind.
                flush(flow, listener);
                synSeen = true;
                isn = seq;
                next = (seq + 1) & MASK;
                started = true;
            }
            seq = (seq + 1) & MASK;
        }
        if (len <= 0) {
            return;
        }
        if (!started) {
            started = true;
            next = seq;
        }
        int ahead = (int) (seq - next);
        while (ahead > 0 && (heldCount == heldSeq.length || heldBytes + (long) len > TcpReassembler.MAX_HELD_BYTES)) {
            if (heldCount == 0 || ahead <= (int) (heldSeq[earliest()] - next)) {
                listener.tcpGap(flow, ahead);
                next = seq;
                ahead = 0;
            } else {
                abandonHole(flow, listener);
                ahead = (int) (seq - next);
            }
        }
        if (ahead > 0) {
            hold(seq, buf, off, len, nowNs, fileOffset);
            return;
        }
        long trim = -(long) ahead;
        if (trim >= len) {
            return;
        }
        listener.tcpData(flow, buf, off + (int) trim, len - (int) trim, nowNs, fileOffset + trim);
        next = (next + len - trim) & MASK;
        drain(flow, listener);
    }

    private void hold(long seq, ByteBuf buf, int off, int len, long nowNs, long fileOffset) {
        for (int i = 0; i < heldCount; i++) {
            if (heldSeq[i] == seq && heldData[i].length >= len) {
                return;
            }
        }
        byte[] copy = new byte[len];
        buf.getBytes(off, copy);
        heldSeq[heldCount] = seq;
        heldData[heldCount] = copy;
        heldFileOffset[heldCount] = fileOffset;
        heldNs[heldCount] = nowNs;
        heldCount++;
        heldBytes += len;
    }

    /** Delivers every held segment that now starts at or before {@code next}. */
    private void drain(Flow flow, TcpStreamListener listener) {
        boolean progress = true;
        while (progress && heldCount > 0) {
            progress = false;
            for (int i = 0; i < heldCount; i++) {
                int ahead = (int) (heldSeq[i] - next);
                if (ahead <= 0) {
                    byte[] data = heldData[i];
                    long fileOffset = heldFileOffset[i];
                    long nowNs = heldNs[i];
                    remove(i);
                    long trim = -(long) ahead;
                    if (trim < data.length) {
                        listener.tcpData(flow, Unpooled.wrappedBuffer(data), (int) trim, data.length - (int) trim,
                                nowNs, fileOffset + trim);
                        next = (next + data.length - trim) & MASK;
                    }
                    progress = true;
                    break;
                }
            }
        }
    }

    /** Declares the hole before the earliest held segment a gap and delivers from there. */
    private void abandonHole(Flow flow, TcpStreamListener listener) {
        int earliest = earliest();
        int missing = (int) (heldSeq[earliest] - next);
        if (missing > 0) {
            listener.tcpGap(flow, missing);
            next = heldSeq[earliest];
        }
        drain(flow, listener);
    }

    private int earliest() {
        int earliest = 0;
        for (int i = 1; i < heldCount; i++) {
            if ((int) (heldSeq[i] - next) < (int) (heldSeq[earliest] - next)) {
                earliest = i;
            }
        }
        return earliest;
    }

    void flush(Flow flow, TcpStreamListener listener) {
        while (heldCount > 0) {
            abandonHole(flow, listener);
        }
    }

    private void remove(int i) {
        heldBytes -= heldData[i].length;
        heldCount--;
        heldSeq[i] = heldSeq[heldCount];
        heldData[i] = heldData[heldCount];
        heldFileOffset[i] = heldFileOffset[heldCount];
        heldNs[i] = heldNs[heldCount];
        heldData[heldCount] = null;
    }

    int heldBytes() {
        return heldBytes;
    }
}
