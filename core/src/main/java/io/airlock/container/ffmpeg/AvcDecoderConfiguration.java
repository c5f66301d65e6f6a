package io.airlock.container.ffmpeg;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * H.264 codec extradata: an AVCDecoderConfigurationRecord (mp4 {@code avcC}, Matroska CodecPrivate) or Annex B.
 *
 * <pre>
 * ISO/IEC 14496-15 §5.3.3.1.2 AVCDecoderConfigurationRecord
 *  0: configurationVersion = 1
 *  1: AVCProfileIndication   2: profile_compatibility   3: AVCLevelIndication
 *  4: reserved '111111'b (6) | lengthSizeMinusOne (2)
 *  5: reserved '111'b (3) | numOfSequenceParameterSets (5)
 *     numOfSequenceParameterSets x { u16 sequenceParameterSetLength; SPS NAL unit }
 *     u8 numOfPictureParameterSets
 *     numOfPictureParameterSets x { u16 pictureParameterSetLength; PPS NAL unit }
 *     (High profile extension fields follow; ignored)
 * </pre>
 */
public final class AvcDecoderConfiguration {

    public static final int CONFIGURATION_VERSION_OFFSET = 0;
    public static final int LENGTH_SIZE_MINUS_ONE_OFFSET = 4;
    public static final int NUM_OF_SEQUENCE_PARAMETER_SETS_OFFSET = 5;
    public static final int MIN_HEADER_LENGTH = 6;
    public static final int MAX_EXTRADATA_LENGTH = 1 << 20;

    private static final ContainerRejection[] REJECTIONS = ContainerRejection.values();

    private final ParameterSetSpans spans = new ParameterSetSpans();
    private int nalLengthSize;

    /** Validates the extradata once; returns null on success or a {@link ContainerRejection}. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        reset();
        if (length > MAX_EXTRADATA_LENGTH) {
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
        long pos = offset + NUM_OF_SEQUENCE_PARAMETER_SETS_OFFSET;
        int spsCount = buffer.getUnsignedByte((int) pos) & 0x1F;
        pos = readArray(buffer, pos + 1, end, spsCount);
        if (pos < 0) {
            return rejection(pos);
        }
        // Some muxers stop after the SPS array; a missing PPS count means no PPS here.
        if (pos < end) {
            int ppsCount = buffer.getUnsignedByte((int) pos);
            pos = readArray(buffer, pos + 1, end, ppsCount);
            if (pos < 0) {
                return rejection(pos);
            }
        }
        nalLengthSize = (buffer.getUnsignedByte(offset + LENGTH_SIZE_MINUS_ONE_OFFSET) & 3) + 1;
        return null;
    }

    /** Reads {@code n} u16-length-prefixed units; returns the next position or a negative ordinal-coded failure. */
    private long readArray(ByteBuf buffer, long pos, long end, int n) {
        for (int i = 0; i < n; i++) {
            if (pos + 2 > end) {
                return -1 - ContainerRejection.LENGTH_OVERRUN.ordinal();
            }
            int len = buffer.getUnsignedShort((int) pos);
            if (pos + 2 + len > end) {
                return -1 - ContainerRejection.LENGTH_OVERRUN.ordinal();
            }
            Rejection r = spans.add((int) pos + 2, len);
            if (r != null) {
                return -1 - r.ordinal();
            }
            pos += 2 + len;
        }
        return pos;
    }

    static Rejection rejection(long code) {
        return REJECTIONS[(int) (-1 - code)];
    }

    /** 1, 2 or 4 bytes of NAL unit length prefix; 0 for Annex B extradata (or before a successful wrap). */
    public int nalLengthSize() {
        return nalLengthSize;
    }

    /** The SPS and PPS units found, in record order. */
    public ParameterSetSpans parameterSets() {
        return spans;
    }

    public void reset() {
        spans.clear();
        nalLengthSize = 0;
    }
}
