package io.airlock.codec;

import io.netty.buffer.ByteBuf;

/**
 * Receives NAL units as a depacketizer or Annex B scanner finds them, without copying: a unit arrives as
 * {@link #nalStart}, zero or more {@link #nalPayload} slices in order, then {@link #nalEnd}. A unit that fits in one
 * packet is simply start, one payload, end. Fragmented units (FU-A, H.265 FU, a unit spanning PES packets or file
 * chunks) arrive as several payload calls.
 *
 * <p>The header is passed as a value because RFC 6184 §5.8 and RFC 7798 §4.4.3 rebuild it from the FU indicator and
 * FU header: it is not contiguous with the payload in the packet. Payload slices exclude the header. Buffers are only
 * valid during the call: a listener that needs bytes later copies the few it needs.
 */
public interface NalUnitListener {

    /**
     * A new NAL unit begins.
     *
     * @param header       the NAL unit header: 1 byte for H.264, 2 bytes (big-endian, in the low 16 bits) for H.265
     * @param sourceOffset byte offset of the unit (or of the packet carrying it) in the source, for evidence; -1 if
     *                     unknown
     */
    void nalStart(int header, long sourceOffset);

    /** The next slice of the unit's bytes after the header, still with emulation-prevention bytes. */
    void nalPayload(ByteBuf buffer, int offset, int length);

    /**
     * The unit is over.
     *
     * @param complete false when fragments were lost (an FU without its end, a truncated file); the bytes delivered
     *                 are then only a prefix of the unit
     */
    void nalEnd(boolean complete);

    /** Called at an access-unit boundary when the framing says so (RTP marker bit, new timestamp); optional. */
    default void accessUnitEnd(long timestamp) {
    }
}
