package io.airlock.container.ffmpeg;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * H.265 codec extradata: an HEVCDecoderConfigurationRecord (mp4 {@code hvcC}, Matroska CodecPrivate) or Annex B.
 *
 * <pre>
 * ISO/IEC 14496-15 §8.3.3.1.2 HEVCDecoderConfigurationRecord
 *  0: configurationVersion = 1
 *  1: general_profile_space (2) | general_tier_flag (1) | general_profile_idc (5)
 *  2..5: general_profile_compatibility_flags   6..11: general_constraint_indicator_flags
 * 12: general_level_idc   13..14: min_spatial_segmentation_idc   15: parallelismType
 * 16: chromaFormat   17: bitDepthLumaMinus8   18: bitDepthChromaMinus8   19..20: avgFrameRate
 * 21: constantFrameRate (2) | numTemporalLayers (3) | temporalIdNested (1) | lengthSizeMinusOne (2)
 * 22: numOfArrays
 *     numOfArrays x { array_completeness (1) | reserved (1) | NAL_unit_type (6); u16 numNalus;
 *                     numNalus x { u16 nalUnitLength; NAL unit } }   (VPS, SPS, PPS, SEI ...)
 * </pre>
 */
public final class HevcDecoderConfiguration {

    public static final int CONFIGURATION_VERSION_OFFSET = 0;
    public static final int LENGTH_SIZE_MINUS_ONE_OFFSET = 21;
    public static final int NUM_OF_ARRAYS_OFFSET = 22;
    public static final int MIN_HEADER_LENGTH = 23;

    private final ParameterSetSpans spans = new ParameterSetSpans();
    private int nalLengthSize;

    /** Validates the extradata once; returns null on success or a {@link ContainerRejection}. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        reset();
        if (length > AvcDecoderConfiguration.MAX_EXTRADATA_LENGTH) {
            return ContainerRejection.TOO_LONG;
        }
        if (ParameterSetSpans.startsWithStartCode(buffer, offset, length)) {
            return spans.splitAnnexB(buffer, offset, length);
        }
        if (length < MIN_HEADER_LENGTH) {
            return ContainerRejection.TOO_SHORT;
        }
        if (buffer.getUnsignedByte(offset + CONFIGURATION_VERSION_OFFSET) != 1) {
            return ContainerRejection.BAD_CONFIGURATION_VERSION;
        }
        long end = (long) offset + length;
        long pos = offset + MIN_HEADER_LENGTH;
        int arrays = buffer.getUnsignedByte(offset + NUM_OF_ARRAYS_OFFSET);
        for (int a = 0; a < arrays; a++) {
            if (pos + 3 > end) {
                return ContainerRejection.LENGTH_OVERRUN;
            }
            int numNalus = buffer.getUnsignedShort((int) pos + 1);
            pos += 3;
            for (int n = 0; n < numNalus; n++) {
                if (pos + 2 > end) {
                    return ContainerRejection.LENGTH_OVERRUN;
                }
                int len = buffer.getUnsignedShort((int) pos);
                if (pos + 2 + len > end) {
                    return ContainerRejection.LENGTH_OVERRUN;
                }
                Rejection r = spans.add((int) pos + 2, len);
                if (r != null) {
                    return r;
                }
                pos += 2 + len;
            }
        }
        nalLengthSize = (buffer.getUnsignedByte(offset + LENGTH_SIZE_MINUS_ONE_OFFSET) & 3) + 1;
        return null;
    }

    /** 1, 2 or 4 bytes of NAL unit length prefix; 0 for Annex B extradata (or before a successful wrap). */
    public int nalLengthSize() {
        return nalLengthSize;
    }

    /** The VPS, SPS, PPS and SEI units found, in record order. */
    public ParameterSetSpans parameterSets() {
        return spans;
    }

    public void reset() {
        spans.clear();
        nalLengthSize = 0;
    }
}
