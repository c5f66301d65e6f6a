package io.airlock.container.ps;

import io.airlock.container.CarryBuffer;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Streaming MPEG-2 Program Stream demuxer, ISO/IEC 13818-1 §2.5 (as used by GB/T 28181 and Hikvision cameras).
 *
 * <pre>
 * MPEG2_program_stream: { pack { pack_header [system_header] { PES_packet | PSM } ... } ... } MPEG_program_end_code
 *   every unit starts with 00 00 01 stream_id (stream_id &gt;= 0xB9); see {@link PsHeaders} for the layouts.
 * </pre>
 *
 * <p>{@link #feed} accepts the data split anywhere (file chunks, RTP payloads). Audio/video PES payload is passed on
 * as zero-copy slices of the caller's buffer; only a header that straddles two feeds is copied into a bounded carry
 * buffer (1 KiB + 6, the largest PSM accepted). private_stream_1/2 (0xBD, 0xBF), padding (0xBE) and the 0xF0-0xFF
 * streams are skipped by PES_packet_length and never scanned: Hikvision's 0xBD bodies contain 00 00 00 01 runs
 * (ZLMediaKit#2409). After garbage the demuxer resynchronises on the next 00 00 01 BA, counting the skipped bytes.
 * Not thread-safe; one instance per stream.
 */
public final class ProgramStreamDemuxer {

    /** Largest PSM body accepted (the standard caps PES_packet_length of a PSM at 0x3FA). */
    public static final int MAX_PSM_LENGTH = 1024;
    static final int CARRY_CAPACITY = PsHeaders.PES_FIXED_LENGTH + MAX_PSM_LENGTH;
    /** Bytes of a private stream body offered as evidence. */
    public static final int EVIDENCE_BYTES = 64;
    static final int IMKH_HEADER_LENGTH = 40;

    private static final int SCAN = 0;
    private static final int HEADER = 1;
    private static final int PAYLOAD = 2;
    private static final int SKIP = 3;

    private final ProgramStreamListener listener;
    private final CarryBuffer carry = new CarryBuffer(CARRY_CAPACITY, PsHeaders::required);

    private int state;
    private boolean synced;
    private boolean packOnly;
    private int zeros;
    private boolean sawPrefix;
    private long scanStart;
    private long base;
    private int feedOff;

    private int unitId;
    private long unitOffset;

    private long remaining;
    private boolean evidencePending;
    private int evidenceLength;

    private long packCount;
    private long skippedBytes;
    private long bytesFed;

    /** A demuxer reporting to {@code listener}. */
    public ProgramStreamDemuxer(ProgramStreamListener listener) {
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
        packOnly = true;
        zeros = 0;
        sawPrefix = false;
        scanStart = 0;
        carry.clear();
        remaining = 0;
        evidencePending = false;
        packCount = 0;
        skippedBytes = 0;
        bytesFed = 0;
    }

    /** Pack headers seen since the last reset. */
    public long packCount() {
        return packCount;
    }

    /** Bytes that belonged to no unit (leading IMKH header, garbage before a resync, stray zeros). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /**
     * Demuxes the next {@code len} bytes of the stream. {@code sourceOffset} is the position of {@code off} in the
     * source and is only used for reporting.
     */
    public void feed(ByteBuf buf, int off, int len, long sourceOffset) {
        if (off < 0 || len < 0 || (long) off + len > buf.capacity()) {
            throw new IllegalArgumentException("off=" + off + " len=" + len + " capacity=" + buf.capacity());
        }
        base = sourceOffset - off;
        feedOff = off;
        bytesFed += len;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (state == SCAN) {
                pos = scan(buf, pos, end);
            } else if (state == HEADER) {
                pos = header(buf, pos, end);
            } else if (state == PAYLOAD) {
                pos = payload(buf, pos, end);
            } else {
                pos = skip(buf, pos, end);
            }
        }
    }

    /** The data is over: reports truncations, closes an open PES and resets for a new stream. */
    public void finish() {
        if (state == HEADER) {
            reject(PsRejection.TRUNCATED_HEADER, unitOffset);
        } else if (state == PAYLOAD) {
            reject(PsRejection.TRUNCATED_PES, unitOffset);
            listener.pesEnd(unitId);
        } else if (state == SKIP) {
            if (evidencePending) {
                listener.privateStream(unitId, evidenceLength, Unpooled.EMPTY_BUFFER, 0, 0, unitOffset);
            }
            reject(PsRejection.TRUNCATED_PES, unitOffset);
        } else if (!synced && bytesFed > 0) {
            reject(PsRejection.NO_PACK_HEADER, 0);
        }
        reset();
    }

    private int scan(ByteBuf buf, int pos, int end) {
        for (int p = pos; p < end; p++) {
            int b = buf.getUnsignedByte(p);
            if (sawPrefix) {
                sawPrefix = false;
                if (b >= PsHeaders.PROGRAM_END && (!packOnly || b == PsHeaders.PACK_START)) {
                    beginUnit(b, p - 3);
                    // a header may already be complete (00 00 01 B9) with no byte left in this feed
                    return header(buf, p + 1, end);
                }
                loseSync(p);
                zeros = b == 0 ? 1 : 0;
            } else if (b == 0) {
                zeros++;
            } else if (b == 1 && zeros >= 2) {
                sawPrefix = true;
                zeros = 0;
            } else {
                loseSync(p);
                zeros = 0;
            }
        }
        return end;
    }

    private void loseSync(int p) {
        if (!packOnly) {
            reject(PsRejection.LOST_SYNC, base + p);
            packOnly = true;
        }
    }

    private void beginUnit(int streamId, int startPos) {
        unitId = streamId;
        unitOffset = base + startPos;
        skippedBytes += unitOffset - scanStart;
        state = HEADER;
        carry.begin(startPos, feedOff, 0x100 | streamId);
    }

    private int header(ByteBuf buf, int pos, int end) {
        int p = carry.gather(buf, pos, end, unitId);
        boolean inBuffer = carry.inBuffer();
        ByteBuf view = carry.view(buf);
        int viewOff = carry.viewOffset();
        int avail = carry.available(end);
        int need = PsHeaders.required(view, viewOff, avail, unitId);
        if (need == PsHeaders.MALFORMED) {
            reject(unitId == PsHeaders.PACK_START ? PsRejection.BAD_PACK_HEADER : PsRejection.BAD_PES_HEADER,
                    unitOffset);
            resync();
            return inBuffer ? viewOff + PsHeaders.START_CODE_LENGTH : p;
        }
        if (need > CARRY_CAPACITY) {
            reject(unitId == PsHeaders.SYSTEM_HEADER ? PsRejection.SYSTEM_HEADER_TOO_LONG : PsRejection.PSM_TOO_LONG,
                    unitOffset);
            enterSkip(need - (inBuffer ? 0 : carry.length()), false);
            return inBuffer ? viewOff : p;
        }
        if (need > avail) {
            carry.spill(buf, end);
            return end;
        }
        int next = inBuffer ? viewOff + need : p;
        scanStart = base + next;
        complete(view, viewOff, need);
        return next;
    }

    private void complete(ByteBuf b, int off, int len) {
        int id = unitId;
        if (id == PsHeaders.PACK_START) {
            synced = true;
            packCount++;
            PsUnits.pack(listener, b, off, len, unitOffset);
        } else if (id == PsHeaders.SYSTEM_HEADER) {
            if (!PsUnits.system(listener, b, off, len, unitOffset)) {
                reject(PsRejection.BAD_SYSTEM_HEADER, unitOffset);
            }
        } else if (id == PsHeaders.PROGRAM_STREAM_MAP) {
            if (!PsUnits.psm(listener, b, off, len, unitOffset)) {
                reject(PsRejection.BAD_PSM, unitOffset);
            }
        } else if (id == PsHeaders.PROGRAM_END) {
            listener.programEnd(unitOffset);
        } else if (PsHeaders.isAudioVideo(id)) {
            startPes(b, off, len);
            return;
        } else {
            enterSkip(b.getUnsignedShort(off + PsHeaders.PES_LENGTH_OFFSET), id != PsHeaders.PADDING_STREAM);
            return;
        }
        toScan();
    }

    private void startPes(ByteBuf b, int off, int headerLength) {
        int pesLength = b.getUnsignedShort(off + PsHeaders.PES_LENGTH_OFFSET);
        if (pesLength == 0) {
            reject(PsRejection.PES_LENGTH_ZERO, unitOffset);
            resync();
            return;
        }
        long payloadLength = (long) PsHeaders.PES_FIXED_LENGTH + pesLength - headerLength;
        if (payloadLength < 0) {
            // the header runs past the packet: the next unit started inside it, so its boundary is lost
            reject(PsRejection.BAD_PES_HEADER, unitOffset);
            resync();
            return;
        }
        long pts = -1;
        long dts = -1;
        int flags = PsHeaders.timeStampLayout(b, off, headerLength);
        if (flags < 0) {
            reject(PsRejection.BAD_PES_HEADER, unitOffset);
            enterSkip(payloadLength, false);
            return;
        }
        if (flags != 0) {
            pts = PsHeaders.timeStamp(b, off + (flags & 0xFFFF));
        }
        if ((flags >>> 16) != 0) {
            dts = PsHeaders.timeStamp(b, off + (flags >>> 16));
        }
        listener.pesStart(unitId, pts, dts, pesLength, unitOffset);
        remaining = payloadLength;
        state = PAYLOAD;
        if (remaining == 0) {
            listener.pesEnd(unitId);
            toScan();
        }
    }

    private int payload(ByteBuf buf, int pos, int end) {
        int n = (int) Math.min(remaining, end - pos);
        listener.pesPayload(unitId, buf, pos, n);
        remaining -= n;
        if (remaining == 0) {
            scanStart = base + pos + n;
            listener.pesEnd(unitId);
            toScan();
        }
        return pos + n;
    }

    private void enterSkip(long length, boolean report) {
        remaining = length;
        evidencePending = report;
        evidenceLength = (int) length;
        state = SKIP;
        if (length == 0) {
            if (report) {
                listener.privateStream(unitId, 0, Unpooled.EMPTY_BUFFER, 0, 0, unitOffset);
            }
            toScan();
        }
    }

    private int skip(ByteBuf buf, int pos, int end) {
        int n = (int) Math.min(remaining, end - pos);
        if (evidencePending) {
            evidencePending = false;
            listener.privateStream(unitId, evidenceLength, buf, pos, Math.min(n, EVIDENCE_BYTES), unitOffset);
        }
        remaining -= n;
        if (remaining == 0) {
            scanStart = base + pos + n;
            toScan();
        }
        return pos + n;
    }

    private void toScan() {
        state = SCAN;
        packOnly = false;
        zeros = 0;
        sawPrefix = false;
        carry.clear();
    }

    /** Looks for the next pack header; the refused unit's bytes count as skipped. */
    private void resync() {
        toScan();
        packOnly = true;
        scanStart = unitOffset;
    }

    private void reject(Rejection reason, long offset) {
        listener.rejected(reason, offset);
    }

    /**
     * True when the data starts with a pack header, or with Hikvision's 40-byte IMKH media header followed by one.
     */
    public static boolean probe(ByteBuf buf, int off, int len) {
        if (len >= IMKH_HEADER_LENGTH + 5 && buf.getInt(off) == 0x494D4B48) {
            return probe(buf, off + IMKH_HEADER_LENGTH, len - IMKH_HEADER_LENGTH);
        }
        if (len < 5 || buf.getMedium(off) != 1 || buf.getUnsignedByte(off + 3) != PsHeaders.PACK_START) {
            return false;
        }
        int form = buf.getUnsignedByte(off + 4);
        return PsHeaders.isMpeg2Pack(form) || PsHeaders.isMpeg1Pack(form);
    }
}
