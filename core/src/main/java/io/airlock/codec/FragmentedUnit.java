package io.airlock.codec;

import io.airlock.wire.Rejection;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;

/**
 * Per-stream state shared by the RTP depacketizers of RFC 6184 (H.264 FU-A, §5.8) and RFC 7798 (H.265 FU, §4.4.3):
 * the one fragmented unit that may be open, RTP sequence/timestamp continuity, and anomaly counting.
 *
 * <pre>
 * FU header (both RFCs)       S: first fragment, E: last fragment
 * +-+-+-+-+-+-+-+-+
 * |S|E| . |  Type |           a unit is open from S until E, a gap, a timestamp change or a new unit
 * +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The depacketizer parses its RFC's headers and hands this class the rebuilt NAL header, the fragment type, the S/E
 * bits and the payload span. Units reach the listener without copies; an interrupted unit ends with
 * {@code nalEnd(false)} on the listener that started it.
 */
public final class FragmentedUnit {

    /** The codec's rejection constants for the anomalies this class detects. */
    public record Reasons(Rejection sequenceGap, Rejection timestampChange, Rejection notEnded,
            Rejection withoutStart, Rejection typeMismatch, Rejection startAndEnd) {
    }

    private final RejectionCounters counters;
    private final Reasons reasons;
    private int lastSequenceNumber = -1;
    private boolean open;
    private int openType;
    private long openTimestamp;
    private NalUnitListener openListener;

    /** @param counters where every anomaly is counted, or null to rely on return values only */
    public FragmentedUnit(RejectionCounters counters, Reasons reasons) {
        this.counters = counters;
        this.reasons = reasons;
    }

    /**
     * Checks one packet's RTP sequence number and timestamp against the stream, closing an open unit they break.
     *
     * @return null when continuous, else the last anomaly met
     */
    public Rejection track(int sequenceNumber, long timestamp) {
        Rejection result = null;
        if (lastSequenceNumber >= 0 && sequenceNumber != ((lastSequenceNumber + 1) & 0xFFFF)) {
            result = count(reasons.sequenceGap());
            closeOpen();
        }
        lastSequenceNumber = sequenceNumber & 0xFFFF;
        if (open && timestamp != openTimestamp) {
            result = count(reasons.timestampChange());
            closeOpen();
        }
        return result;
    }

    /**
     * Delivers one fragment: S opens a unit (S and E together deliver it whole, counted), later fragments of the same
     * type extend it, E ends it.
     *
     * @param header the rebuilt NAL unit header, used when {@code start}
     * @return null when clean, else the anomaly met
     */
    public Rejection fragment(int header, int type, boolean start, boolean end, long timestamp, ByteBuf buf,
            int payloadOffset, int payloadLength, long sourceOffset, NalUnitListener out) {
        if (start) {
            Rejection r = endDangling();
            if (end) {
                emit(header, buf, payloadOffset, payloadLength, sourceOffset, out);
                return count(reasons.startAndEnd());
            }
            out.nalStart(header, sourceOffset);
            if (payloadLength > 0) {
                out.nalPayload(buf, payloadOffset, payloadLength);
            }
            open = true;
            openType = type;
            openTimestamp = timestamp;
            openListener = out;
            return r;
        }
        if (!open) {
            return count(reasons.withoutStart());
        }
        if (type != openType) {
            closeOpen();
            return count(reasons.typeMismatch());
        }
        if (payloadLength > 0) {
            out.nalPayload(buf, payloadOffset, payloadLength);
        }
        if (end) {
            open = false;
            openListener = null;
            out.nalEnd(true);
        }
        return null;
    }

    /** Delivers one whole NAL unit: start, payload when non-empty, clean end. */
    public static void emit(int header, ByteBuf buf, int off, int len, long sourceOffset, NalUnitListener out) {
        out.nalStart(header, sourceOffset);
        if (len > 0) {
            out.nalPayload(buf, off, len);
        }
        out.nalEnd(true);
    }

    /**
     * Closes a unit left open because a new one begins.
     *
     * @return null when none was open, else the codec's "not ended" rejection
     */
    public Rejection endDangling() {
        if (!open) {
            return null;
        }
        closeOpen();
        return count(reasons.notEnded());
    }

    private void closeOpen() {
        if (open) {
            open = false;
            NalUnitListener listener = openListener;
            openListener = null;
            listener.nalEnd(false);
        }
    }

    /** Counts {@code reason} into the optional counters and returns it. */
    public Rejection count(Rejection reason) {
        if (counters != null) {
            counters.increment(reason);
        }
        return reason;
    }

    /** True while a fragmented unit is open (started, not yet ended). */
    public boolean unitOpen() {
        return open;
    }

    /** Ends any open unit with {@code nalEnd(false)} on its listener; sequence tracking continues. */
    public void flush() {
        closeOpen();
    }

    /** Ends any open unit with {@code nalEnd(false)} and forgets all state. */
    public void reset() {
        closeOpen();
        lastSequenceNumber = -1;
        openType = 0;
        openTimestamp = 0;
    }
}
