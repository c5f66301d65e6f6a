package io.airlock.codec.h265;

/**
 * H.265 NAL unit types (ITU-T H.265 Table 7-1) and helpers on the two-byte header (§7.3.1.2), passed as an int
 * holding the header big-endian in its low 16 bits.
 *
 * <pre>
 * +---------------+---------------+
 * |0|1|2|3|4|5|6|7|0|1|2|3|4|5|6|7|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |F|   Type    |  LayerId  | TID |
 * +-------------+-----------------+
 * </pre>
 */
public final class H265Nal {

    public static final int TRAIL_N = 0;
    public static final int TRAIL_R = 1;
    public static final int TSA_N = 2;
    public static final int TSA_R = 3;
    public static final int STSA_N = 4;
    public static final int STSA_R = 5;
    public static final int RADL_N = 6;
    public static final int RADL_R = 7;
    public static final int RASL_N = 8;
    public static final int RASL_R = 9;
    public static final int RSV_VCL_N10 = 10;
    public static final int RSV_VCL_R15 = 15;
    public static final int BLA_W_LP = 16;
    public static final int BLA_W_RADL = 17;
    public static final int BLA_N_LP = 18;
    public static final int IDR_W_RADL = 19;
    public static final int IDR_N_LP = 20;
    public static final int CRA_NUT = 21;
    public static final int RSV_IRAP_VCL22 = 22;
    public static final int RSV_IRAP_VCL23 = 23;
    public static final int RSV_VCL24 = 24;
    public static final int RSV_VCL31 = 31;
    public static final int VPS_NUT = 32;
    public static final int SPS_NUT = 33;
    public static final int PPS_NUT = 34;
    public static final int AUD_NUT = 35;
    public static final int EOS_NUT = 36;
    public static final int EOB_NUT = 37;
    public static final int FD_NUT = 38;
    public static final int PREFIX_SEI_NUT = 39;
    public static final int SUFFIX_SEI_NUT = 40;
    public static final int RSV_NVCL41 = 41;
    public static final int RSV_NVCL47 = 47;
    public static final int UNSPEC48 = 48;
    public static final int UNSPEC63 = 63;

    /** RFC 7798 §4.4 packetization types, which reuse the unspecified range in RTP. */
    public static final int AP = 48;
    public static final int FU = 49;
    public static final int PACI = 50;

    private H265Nal() {
    }

    public static int type(int header) {
        return (header >>> 9) & 0x3F;
    }

    public static int forbiddenZeroBit(int header) {
        return (header >>> 15) & 1;
    }

    public static int layerId(int header) {
        return (header >>> 3) & 0x3F;
    }

    public static int temporalIdPlusOne(int header) {
        return header & 0x07;
    }

    /** True for RSV_VCL_N10..RSV_VCL_R15, RSV_IRAP_VCL22..RSV_VCL31, RSV_NVCL41..47 and UNSPEC48..63. */
    public static boolean isReservedOrUnspecified(int type) {
        return (type >= RSV_VCL_N10 && type <= RSV_VCL_R15) || (type >= RSV_IRAP_VCL22 && type <= RSV_VCL31)
                || type >= RSV_NVCL41;
    }

    /** IRAP pictures, BLA_W_LP..RSV_IRAP_VCL23 (§3.73). */
    public static boolean isKeyframe(int type) {
        return type >= BLA_W_LP && type <= RSV_IRAP_VCL23;
    }

    public static boolean isSei(int type) {
        return type == PREFIX_SEI_NUT || type == SUFFIX_SEI_NUT;
    }

    public static boolean isVcl(int type) {
        return type >= TRAIL_N && type <= RSV_VCL31;
    }
}
