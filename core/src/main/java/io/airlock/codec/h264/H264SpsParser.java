package io.airlock.codec.h264;

import io.airlock.codec.RbspBitReader;
import io.airlock.codec.VuiTiming;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Reads the fields of an H.264 sequence parameter set that describe the picture (ITU-T H.264 §7.3.2.1.1, VUI
 * §E.1.1): size after frame cropping, profile, level, chroma format and the VUI frame rate.
 *
 * <pre>
 * seq_parameter_set_data() {
 *   profile_idc u(8), constraint_set_flags u(8), level_idc u(8), seq_parameter_set_id ue(v)
 *   [high profiles: chroma_format_idc, bit depths, scaling matrices]
 *   log2_max_frame_num_minus4, pic_order_cnt_type [...], max_num_ref_frames, gaps_in_frame_num_allowed_flag
 *   pic_width_in_mbs_minus1, pic_height_in_map_units_minus1, frame_mbs_only_flag [...], frame_cropping [...]
 *   vui_parameters_present_flag [vui_parameters()]
 * }
 * </pre>
 *
 * Input is the whole escaped NAL unit, header included. Every loop is bounded by the spec's limits.
 */
public final class H264SpsParser {

    private static final int MAX_NUM_REF_FRAMES_IN_POC_CYCLE = 255;
    private static final long MAX_MBS_PER_DIMENSION = 1L << 16;

    private final RbspBitReader reader = new RbspBitReader();
    private int profileIdc;
    private int levelIdc;
    private int chromaFormatIdc;
    private int width;
    private int height;
    private double fps;

    /** Parses one SPS NAL unit (header byte included); null on success. */
    public Rejection parse(ByteBuf buf, int off, int len) {
        profileIdc = 0;
        levelIdc = 0;
        chromaFormatIdc = 1;
        width = 0;
        height = 0;
        fps = 0;
        if (len < 4 || !reader.wrap(buf, off, len)) {
            return H264Rejection.SPS_TRUNCATED;
        }
        RbspBitReader r = reader;
        if ((r.readBits(8) & 0x1F) != H264Nal.SPS) {
            return H264Rejection.NOT_SPS;
        }
        profileIdc = (int) r.readBits(8);
        r.readBits(8);
        levelIdc = (int) r.readBits(8);
        long spsId = r.readUe();
        boolean separateColourPlane = false;
        if (isHighProfile(profileIdc)) {
            chromaFormatIdc = (int) Math.min(r.readUe(), 4);
            if (chromaFormatIdc > 3) {
                return H264Rejection.SPS_BAD_VALUE;
            }
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.readFlag();
            }
            r.readUe();
            r.readUe();
            r.readFlag();
            if (r.readFlag()) {
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists && r.ok(); i++) {
                    if (r.readFlag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.readUe();
        long pocType = r.readUe();
        if (pocType == 0) {
            r.readUe();
        } else if (pocType == 1) {
            r.readFlag();
            r.readSe();
            r.readSe();
            long cycle = r.readUe();
            if (cycle > MAX_NUM_REF_FRAMES_IN_POC_CYCLE) {
                return H264Rejection.SPS_BAD_VALUE;
            }
            for (int i = 0; i < cycle && r.ok(); i++) {
                r.readSe();
            }
        } else if (pocType != 2) {
            return r.ok() ? H264Rejection.SPS_BAD_VALUE : H264Rejection.SPS_TRUNCATED;
        }
        r.readUe();
        r.readFlag();
        long widthMbs = r.readUe() + 1;
        long heightMapUnits = r.readUe() + 1;
        boolean frameMbsOnly = r.readFlag();
        if (!frameMbsOnly) {
            r.readFlag();
        }
        r.readFlag();
        long cropLeft = 0;
        long cropRight = 0;
        long cropTop = 0;
        long cropBottom = 0;
        if (r.readFlag()) {
            cropLeft = r.readUe();
            cropRight = r.readUe();
            cropTop = r.readUe();
            cropBottom = r.readUe();
        }
        if (!r.ok()) {
            return r.invalid() ? H264Rejection.SPS_BAD_VALUE : H264Rejection.SPS_TRUNCATED;
        }
        if (spsId > 31 || widthMbs > MAX_MBS_PER_DIMENSION || heightMapUnits > MAX_MBS_PER_DIMENSION) {
            return H264Rejection.SPS_BAD_VALUE;
        }
        int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        int subWidthC = chromaFormatIdc == 3 ? 1 : 2;
        int subHeightC = chromaFormatIdc == 1 ? 2 : 1;
        long frameFactor = frameMbsOnly ? 1 : 2;
        long cropUnitX = chromaArrayType == 0 ? 1 : subWidthC;
        long cropUnitY = chromaArrayType == 0 ? frameFactor : subHeightC * frameFactor;
        long w = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        long h = frameFactor * heightMapUnits * 16 - cropUnitY * (cropTop + cropBottom);
        if (w <= 0 || h <= 0) {
            return H264Rejection.SPS_BAD_VALUE;
        }
        width = (int) w;
        height = (int) h;
        if (r.readFlag()) {
            readVuiTiming(r);
        }
        return null;
    }

    private void readVuiTiming(RbspBitReader r) {
        VuiTiming.skipThroughChromaLocation(r);
        fps = VuiTiming.fps(r, 2.0);
    }

    private static void skipScalingList(RbspBitReader r, int size) {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size && r.ok(); j++) {
            if (nextScale != 0) {
                long delta = r.readSe();
                nextScale = (int) ((lastScale + delta + 256) & 0xFF);
            }
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }

    private static boolean isHighProfile(int profileIdc) {
        switch (profileIdc) {
            case 100: case 110: case 122: case 244: case 44: case 83: case 86: case 118: case 128: case 138:
            case 139: case 134: case 135:
                return true;
            default:
                return false;
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int profileIdc() {
        return profileIdc;
    }

    public int levelIdc() {
        return levelIdc;
    }

    public int chromaFormatIdc() {
        return chromaFormatIdc;
    }

    /** Frames per second from VUI timing_info (time_scale / (2 * num_units_in_tick)), or 0 when absent. */
    public double fps() {
        return fps;
    }
}
