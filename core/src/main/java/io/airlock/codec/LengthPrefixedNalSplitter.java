package io.airlock.codec;

import io.airlock.codec.h264.H264Rejection;
import io.airlock.codec.h265.H265Rejection;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Splits one access unit in length-prefixed form (ISO/IEC 14496-15 AVCC §5.3.3 / HVCC §8.3.3) into NAL units.
 *
 * <pre>
 * [NALUnitLength (nalLengthSize bytes, big-endian)][NAL unit]...[NALUnitLength][NAL unit]
 * </pre>
 *
 * Units before a bad length are delivered; rejections use the codec's layer (H.264 for anything but H.265).
 */
public final class LengthPrefixedNalSplitter {

    /**
     * Splits {@code len} bytes at {@code off}.
     *
     * @return null when every unit was delivered, else why splitting stopped
     */
    public Rejection split(int nalLengthSize, Codec codec, ByteBuf buf, int off, int len, long sourceOffset,
            NalUnitListener out) {
        boolean h265 = codec == Codec.H265;
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            return h265 ? H265Rejection.BAD_NAL_LENGTH_SIZE : H264Rejection.BAD_NAL_LENGTH_SIZE;
        }
        if (len < 0 || off < 0 || (long) off + len > buf.capacity()) {
            return h265 ? H265Rejection.NAL_LENGTH_OVERRUN : H264Rejection.NAL_LENGTH_OVERRUN;
        }
        int headerLength = codec.nalHeaderLength();
        Rejection result = null;
        long cursor = off;
        long end = (long) off + len;
        while (cursor < end) {
            if (cursor + nalLengthSize > end) {
                return h265 ? H265Rejection.NAL_LENGTH_TRUNCATED : H264Rejection.NAL_LENGTH_TRUNCATED;
            }
            long size = readLength(buf, (int) cursor, nalLengthSize);
            cursor += nalLengthSize;
            if (cursor + size > end) {
                return h265 ? H265Rejection.NAL_LENGTH_OVERRUN : H264Rejection.NAL_LENGTH_OVERRUN;
            }
            if (size < headerLength) {
                result = h265 ? H265Rejection.ZERO_LENGTH_NAL : H264Rejection.ZERO_LENGTH_NAL;
                cursor += size;
                continue;
            }
            int at = (int) cursor;
            int header = headerLength == 2 ? buf.getUnsignedShort(at) : buf.getUnsignedByte(at);
            out.nalStart(header, sourceOffset < 0 ? -1 : sourceOffset + (at - off));
            if (size > headerLength) {
                out.nalPayload(buf, at + headerLength, (int) size - headerLength);
            }
            out.nalEnd(true);
            cursor += size;
        }
        return result;
    }

    private static long readLength(ByteBuf buf, int at, int nalLengthSize) {
        switch (nalLengthSize) {
            case 1:
                return buf.getUnsignedByte(at);
            case 2:
                return buf.getUnsignedShort(at);
            default:
                return buf.getUnsignedInt(at);
        }
    }
}
