package io.airlock.container.ffmpeg;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Offsets and lengths of the parameter-set NAL units found in codec extradata, in preallocated arrays capped at
 * {@link #MAX_PARAMETER_SETS}. Also splits Annex B extradata (ITU-T H.264 Annex B), which MPEG-TS and raw streams
 * carry instead of a decoder configuration record.
 */
public final class ParameterSetSpans {

    /** Most parameter sets kept from one track's extradata; real cameras have 2 (H.264) or 3-4 (H.265). */
    public static final int MAX_PARAMETER_SETS = 64;

    private final int[] offsets = new int[MAX_PARAMETER_SETS];
    private final int[] lengths = new int[MAX_PARAMETER_SETS];
    private int count;

    /** Number of parameter sets found. */
    public int count() {
        return count;
    }

    /** Absolute buffer index of parameter set {@code i}, starting at its NAL unit header. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Length in bytes of parameter set {@code i}, header included. */
    public int length(int i) {
        return lengths[i];
    }

    void clear() {
        count = 0;
    }

    /** Records one span; returns a rejection when the table is full or the span is empty. */
    Rejection add(int offset, int length) {
        if (length <= 0) {
            return ContainerRejection.EMPTY_PARAMETER_SET;
        }
        if (count == MAX_PARAMETER_SETS) {
            return ContainerRejection.TOO_MANY_PARAMETER_SETS;
        }
        offsets[count] = offset;
        lengths[count] = length;
        count++;
        return null;
    }

    /** True when the bytes begin with a 3- or 4-byte Annex B start code. */
    static boolean startsWithStartCode(ByteBuf buffer, int offset, int length) {
        if (length >= 3 && buffer.getUnsignedShort(offset) == 0 && buffer.getUnsignedByte(offset + 2) == 1) {
            return true;
        }
        return length >= 4 && buffer.getInt(offset) == 1;
    }

    /** Splits Annex B bytes on start codes; each unit's trailing zero bytes belong to the next start code. */
    Rejection splitAnnexB(ByteBuf buffer, int offset, int length) {
        clear();
        if (!startsWithStartCode(buffer, offset, length)) {
            return ContainerRejection.NO_START_CODE;
        }
        int end = offset + length;
        int unitStart = -1;
        int i = offset;
        while (i + 2 < end) {
            if (buffer.getUnsignedByte(i + 2) > 1) {
                i += 3;
            } else if (buffer.getUnsignedByte(i) == 0 && buffer.getUnsignedByte(i + 1) == 0
                    && buffer.getUnsignedByte(i + 2) == 1) {
                if (unitStart >= 0) {
                    Rejection r = addTrimmed(buffer, unitStart, i);
                    if (r != null) {
                        return r;
                    }
                }
                i += 3;
                unitStart = i;
            } else {
                i++;
            }
        }
        return unitStart >= 0 ? addTrimmed(buffer, unitStart, end) : null;
    }

    private Rejection addTrimmed(ByteBuf buffer, int from, int to) {
        int last = to;
        while (last > from && buffer.getUnsignedByte(last - 1) == 0) {
            last--;
        }
        return add(from, last - from);
    }
}
