package io.airlock.codec.h264;

/**
 * H.264 NAL unit types (ITU-T H.264 (08/2021) Table 7-1) and helpers on the one-byte header (§7.3.1).
 *
 * <pre>
 * +---------------+
 * |0|1|2|3|4|5|6|7|
 * +-+-+-+-+-+-+-+-+
 * |F|NRI|  Type   |
 * +---------------+
 * </pre>
 */
public final class H264Nal {

    public static final int UNSPECIFIED = 0;
    public static final int SLICE_NON_IDR = 1;
    public static final int SLICE_DATA_PARTITION_A = 2;
    public static final int SLICE_DATA_PARTITION_B = 3;
    public static final int SLICE_DATA_PARTITION_C = 4;
    public static final int IDR = 5;
    public static final int SEI = 6;
    public static final int SPS = 7;
    public static final int PPS = 8;
    public static final int AUD = 9;
    public static final int END_OF_SEQUENCE = 10;
    public static final int END_OF_STREAM = 11;
    public static final int FILLER_DATA = 12;
    public static final int SPS_EXTENSION = 13;
    public static final int PREFIX_NAL = 14;
    public static final int SUBSET_SPS = 15;
    public static final int DEPTH_PARAMETER_SET = 16;
    public static final int AUXILIARY_SLICE = 19;
    public static final int SLICE_EXTENSION = 20;
    public static final int SLICE_EXTENSION_DEPTH = 21;

    /** RFC 6184 §5.2 packetization types, which reuse the unspecified range in RTP. */
    public static final int STAP_A = 24;
    public static final int STAP_B = 25;
    public static final int MTAP16 = 26;
    public static final int MTAP24 = 27;
    public static final int FU_A = 28;
    public static final int FU_B = 29;

    private H264Nal() {
    }

    public static int type(int header) {
        return header & 0x1F;
    }

    public static int forbiddenZeroBit(int header) {
        return (header >>> 7) & 1;
    }

    public static int nalRefIdc(int header) {
        return (header >>> 5) & 3;
    }

    /**
     * True for types the current Table 7-1 leaves reserved (17, 18, 22, 23) or unspecified (0, 24-31), which an
     * encoder has no reason to put in a camera stream. 16 (DPS) and 21 (3D-AVC slice) are defined since 2012.
     */
    public static boolean isReservedOrUnspecified(int type) {
        return type == 0 || type == 17 || type == 18 || type == 22 || type == 23 || (type >= 24 && type <= 31);
    }

    public static boolean isKeyframe(int type) {
        return type == IDR;
    }

    public static boolean isSei(int type) {
        return type == SEI;
    }

    public static boolean isVcl(int type) {
        return type >= SLICE_NON_IDR && type <= IDR;
    }
}
