package io.airlock.codec;

import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Streaming NAL unit splitter for an Annex B byte stream (ITU-T H.264 Annex B.2, H.265 Annex B.2), fed in arbitrary
 * chunks.
 *
 * <pre>
 * byte_stream_nal_unit: [leading/trailing zero_byte]* 00 00 01 [NAL header][payload]...
 * </pre>
 *
 * A unit runs from just after {@code 00 00 01} to the next start code; zero bytes just before a start code belong to
 * no unit. Start codes and headers may straddle chunks: the scanner keeps only a count of zero bytes seen at the end
 * of the previous chunk and, if they turn out to be unit bytes, delivers them from a shared read-only zero buffer, so
 * payload is never copied. Anomalies are counted; {@link #lastRejections} hands them over.
 */
public final class AnnexBScanner {

    private static final int ZERO_BUFFER_LENGTH = 4096;
    private static final ByteBuf ZEROS =
            Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[ZERO_BUFFER_LENGTH]).asReadOnly());
    private static final byte START_CODE_LAST_BYTE = 1;

    private final int headerLength;
    private boolean inUnit;
    private int headerHave;
    private int header;
    private long unitOffset;
    private long pendingZeros;
    private boolean inGarbage;
    private long leadingGarbage;
    private long zeroLengthUnits;
    private long truncatedHeaders;

    public AnnexBScanner(Codec codec) {
        this.headerLength = codec.nalHeaderLength();
    }

    /**
     * Scans the next {@code len} bytes of the stream.
     *
     * @param sourceOffset offset of {@code buf[off]} in the stream, or -1 when unknown
     */
    public void feed(ByteBuf buf, int off, int len, long sourceOffset, NalUnitListener out) {
        if (len <= 0 || off < 0 || (long) off + len > buf.capacity()) {
            return;
        }
        int end = off + len;
        int segStart = off;
        int pos = off;
        while (pos < end) {
            int idx = buf.indexOf(pos, end, START_CODE_LAST_BYTE);
            if (idx < 0) {
                break;
            }
            int k = idx - 1;
            while (k >= segStart && buf.getByte(k) == 0) {
                k--;
            }
            long zeros = idx - 1 - k;
            if (k < segStart && segStart == off) {
                zeros += pendingZeros;
            }
            if (zeros >= 2) {
                if (k >= segStart) {
                    flushPendingZeros(out);
                    unitBytes(buf, segStart, k + 1 - segStart, out);
                }
                pendingZeros = 0;
                endUnit(out);
                inUnit = true;
                headerHave = 0;
                header = 0;
                unitOffset = sourceOffset < 0 ? -1 : sourceOffset + (idx + 1 - off);
                segStart = idx + 1;
            }
            pos = idx + 1;
        }
        int k = end - 1;
        while (k >= segStart && buf.getByte(k) == 0) {
            k--;
        }
        if (k >= segStart) {
            flushPendingZeros(out);
            unitBytes(buf, segStart, k + 1 - segStart, out);
        }
        pendingZeros += end - 1 - k;
    }

    /** Ends the last unit at the end of the stream; trailing zero bytes belong to no unit. Ready for a new stream. */
    public void finish(NalUnitListener out) {
        pendingZeros = 0;
        endUnit(out);
        inGarbage = false;
    }

    /** Adds the anomalies counted since the previous call to {@code into} and clears them. */
    public void lastRejections(RejectionCounters into) {
        if (leadingGarbage != 0) {
            into.add(AnnexBRejection.LEADING_GARBAGE, leadingGarbage);
        }
        if (zeroLengthUnits != 0) {
            into.add(AnnexBRejection.ZERO_LENGTH_UNIT, zeroLengthUnits);
        }
        if (truncatedHeaders != 0) {
            into.add(AnnexBRejection.TRUNCATED_HEADER, truncatedHeaders);
        }
        leadingGarbage = 0;
        zeroLengthUnits = 0;
        truncatedHeaders = 0;
    }

    /** Forgets the stream without notifying the listener (an open unit is dropped). */
    public void reset() {
        inUnit = false;
        headerHave = 0;
        header = 0;
        unitOffset = 0;
        pendingZeros = 0;
        inGarbage = false;
    }

    private void flushPendingZeros(NalUnitListener out) {
        long n = pendingZeros;
        pendingZeros = 0;
        if (!inUnit) {
            return;
        }
        while (n > 0 && headerHave < headerLength) {
            header <<= 8;
            headerHave++;
            n--;
            if (headerHave == headerLength) {
                out.nalStart(header, unitOffset);
            }
        }
        while (n > 0) {
            int chunk = (int) Math.min(n, ZERO_BUFFER_LENGTH);
            out.nalPayload(ZEROS, 0, chunk);
            n -= chunk;
        }
    }

    private void unitBytes(ByteBuf buf, int off, int len, NalUnitListener out) {
        if (!inUnit) {
            if (!inGarbage) {
                inGarbage = true;
                leadingGarbage++;
            }
            return;
        }
        int pos = off;
        int end = off + len;
        while (pos < end && headerHave < headerLength) {
            header = (header << 8) | buf.getUnsignedByte(pos++);
            headerHave++;
            if (headerHave == headerLength) {
                out.nalStart(header, unitOffset);
            }
        }
        if (pos < end) {
            out.nalPayload(buf, pos, end - pos);
        }
    }

    private void endUnit(NalUnitListener out) {
        if (!inUnit) {
            return;
        }
        inUnit = false;
        if (headerHave == headerLength) {
            out.nalEnd(true);
        } else if (headerHave == 0) {
            zeroLengthUnits++;
        } else {
            truncatedHeaders++;
        }
        headerHave = 0;
        header = 0;
    }
}
