package io.airlock.codec.h265;

import io.airlock.codec.RbspBitReader;
import io.airlock.codec.VuiTiming;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Reads the fields of an H.265 sequence parameter set that describe the picture (ITU-T H.265 §7.3.2.2.1,
 * profile_tier_level §7.3.3, st_ref_pic_set §7.3.7, VUI §E.2.1): size after the conformance window, general
 * profile and level, chroma format and the VUI frame rate.
 *
 * <pre>
 * seq_parameter_set_rbsp() {
 *   sps_video_parameter_set_id u(4), sps_max_sub_layers_minus1 u(3), sps_temporal_id_nesting_flag u(1)
 *   profile_tier_level(1, sps_max_sub_layers_minus1)
 *   sps_seq_parameter_set_id ue(v), chroma_format_idc ue(v) [separate_colour_plane_flag]
 *   pic_width_in_luma_samples ue(v), pic_height_in_luma_samples ue(v), conformance_window_flag [4 x ue(v)]
 *   ... coding tree sizes, scaling lists, PCM, short/long-term RPS ...
 *   vui_parameters_present_flag [vui_parameters()]
 * }
 * </pre>
 *
 * Input is the whole escaped NAL unit, 2-byte header included. Every loop is bounded by the spec's limits.
 */
public final class H265SpsParser {

    private static final int MAX_SHORT_TERM_REF_PIC_SETS = 64;
    private static final int MAX_DELTA_POCS = 16;
    private static final int MAX_LONG_TERM_REF_PICS = 32;
    private static final long MAX_LUMA_DIMENSION = 1L << 16;

    private final RbspBitReader reader = new RbspBitReader();
    private final int[] numDeltaPocs = new int[MAX_SHORT_TERM_REF_PIC_SETS + 1];
    private int profileIdc;
    private int levelIdc;
    private int chromaFormatIdc;
    private int width;
    private int height;
    private double fps;

    /** Parses one SPS NAL unit (2-byte header included); null on success. */
    public Rejection parse(ByteBuf buf, int off, int len) {
        profileIdc = 0;
        levelIdc = 0;
        chromaFormatIdc = 1;
        width = 0;
        height = 0;
        fps = 0;
        if (len < 16 || !reader.wrap(buf, off, len)) {
            return H265Rejection.SPS_TRUNCATED;
        }
        RbspBitReader r = reader;
        if (H265Nal.type((int) r.readBits(16)) != H265Nal.SPS_NUT) {
            return H265Rejection.NOT_SPS;
        }
        r.readBits(4);
        int maxSubLayersMinus1 = (int) r.readBits(3);
        r.readFlag();
        readProfileTierLevel(r, maxSubLayersMinus1);
        long spsId = r.readUe();
        long chroma = r.readUe();
        if (spsId > 15 || chroma > 3) {
            return r.ok() ? H265Rejection.SPS_BAD_VALUE : H265Rejection.SPS_TRUNCATED;
        }
        chromaFormatIdc = (int) chroma;
        if (chromaFormatIdc == 3) {
            r.readFlag();
        }
        long picWidth = r.readUe();
        long picHeight = r.readUe();
        long left = 0;
        long right = 0;
        long top = 0;
        long bottom = 0;
        if (r.readFlag()) {
            left = r.readUe();
            right = r.readUe();
            top = r.readUe();
            bottom = r.readUe();
        }
        if (!r.ok()) {
            return r.invalid() ? H265Rejection.SPS_BAD_VALUE : H265Rejection.SPS_TRUNCATED;
        }
        long subWidthC = chromaFormatIdc == 1 || chromaFormatIdc == 2 ? 2 : 1;
        long subHeightC = chromaFormatIdc == 1 ? 2 : 1;
        long w = picWidth - subWidthC * (left + right);
        long h = picHeight - subHeightC * (top + bottom);
        if (picWidth > MAX_LUMA_DIMENSION || picHeight > MAX_LUMA_DIMENSION || w <= 0 || h <= 0) {
            return H265Rejection.SPS_BAD_VALUE;
        }
        width = (int) w;
        height = (int) h;
        Rejection tail = readUpToVui(r, maxSubLayersMinus1);
        if (tail == null && r.readFlag()) {
            readVuiTiming(r);
        }
        // The picture fields are valid even when later, optional syntax is damaged: keep them, report nothing.
        return null;
    }

    private void readProfileTierLevel(RbspBitReader r, int maxSubLayersMinus1) {
        r.readBits(2);
        r.readFlag();
        profileIdc = (int) r.readBits(5);
        r.readBits(32);
        r.readBits(48);
        levelIdc = (int) r.readBits(8);
        int profilePresent = 0;
        int levelPresent = 0;
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent |= r.readBit() << i;
            levelPresent |= r.readBit() << i;
        }
        if (maxSubLayersMinus1 > 0) {
            r.skipBits(2L * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if ((profilePresent & (1 << i)) != 0) {
                r.skipBits(88);
            }
            if ((levelPresent & (1 << i)) != 0) {
                r.skipBits(8);
            }
        }
    }

    private Rejection readUpToVui(RbspBitReader r, int maxSubLayersMinus1) {
        r.readUe();
        r.readUe();
        long log2MaxPocLsb = r.readUe() + 4;
        boolean orderingInfo = r.readFlag();
        for (int i = orderingInfo ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++) {
            r.readUe();
            r.readUe();
            r.readUe();
        }
        for (int i = 0; i < 6; i++) {
            r.readUe();
        }
        if (r.readFlag() && r.readFlag()) {
            skipScalingListData(r);
        }
        r.readFlag();
        r.readFlag();
        if (r.readFlag()) {
            r.readBits(8);
            r.readUe();
            r.readUe();
            r.readFlag();
        }
        long numStRps = r.readUe();
        if (numStRps > MAX_SHORT_TERM_REF_PIC_SETS || log2MaxPocLsb > 16 || !r.ok()) {
            return H265Rejection.SPS_BAD_VALUE;
        }
        for (int i = 0; i < numStRps; i++) {
            if (!readShortTermRefPicSet(r, i)) {
                return H265Rejection.SPS_BAD_VALUE;
            }
        }
        if (r.readFlag()) {
            long numLongTerm = r.readUe();
            if (numLongTerm > MAX_LONG_TERM_REF_PICS) {
                return H265Rejection.SPS_BAD_VALUE;
            }
            for (int i = 0; i < numLongTerm; i++) {
                r.readBits((int) log2MaxPocLsb);
                r.readFlag();
            }
        }
        r.readFlag();
        r.readFlag();
        return r.ok() ? null : H265Rejection.SPS_TRUNCATED;
    }

    private boolean readShortTermRefPicSet(RbspBitReader r, int idx) {
        if (idx != 0 && r.readFlag()) {
            r.readFlag();
            r.readUe();
            int count = 0;
            int refCount = numDeltaPocs[idx - 1];
            for (int j = 0; j <= refCount; j++) {
                boolean used = r.readFlag();
                if (used || r.readFlag()) {
                    count++;
                }
            }
            numDeltaPocs[idx] = Math.min(count, 2 * MAX_DELTA_POCS);
            return r.ok();
        }
        long negative = r.readUe();
        long positive = r.readUe();
        if (negative > MAX_DELTA_POCS || positive > MAX_DELTA_POCS) {
            return false;
        }
        for (long j = 0; j < negative + positive; j++) {
            r.readUe();
            r.readFlag();
        }
        numDeltaPocs[idx] = (int) (negative + positive);
        return r.ok();
    }

    private static void skipScalingListData(RbspBitReader r) {
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
                if (!r.readFlag()) {
                    r.readUe();
                } else {
                    int coefNum = Math.min(64, 1 << (4 + (sizeId << 1)));
                    if (sizeId > 1) {
                        r.readSe();
                    }
                    for (int i = 0; i < coefNum && r.ok(); i++) {
                        r.readSe();
                    }
                }
            }
        }
    }

    private void readVuiTiming(RbspBitReader r) {
        VuiTiming.skipThroughChromaLocation(r);
        // neutral_chroma_indication_flag, field_seq_flag, frame_field_info_present_flag
        r.readBits(3);
        if (r.readFlag()) {
            // default display window: four offsets
            r.readUe();
            r.readUe();
            r.readUe();
            r.readUe();
        }
        fps = VuiTiming.fps(r, 1.0);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** general_profile_idc (1 Main, 2 Main 10, ...). */
    public int profileIdc() {
        return profileIdc;
    }

    /** general_level_idc: 30 times the level number (120 = level 4). */
    public int levelIdc() {
        return levelIdc;
    }

    public int chromaFormatIdc() {
        return chromaFormatIdc;
    }

    /** Frames per second from VUI timing (time_scale / num_units_in_tick), or 0 when absent. */
    public double fps() {
        return fps;
    }
}
