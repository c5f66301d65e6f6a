package io.airlock.testdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups Annex B NAL units (from {@link AnnexB#split}) into access units (ITU-T H.264 §7.4.1.2.3, H.265 §7.4.2.4.4)
 * for the PS, DHAV and RTP generators. Test code only: it trusts the streams the generator made.
 */
final class AccessUnits {

    private static final int H264_IDR = 5;
    private static final int H265_BLA_W_LP = 16;
    private static final int H265_RSV_IRAP_VCL23 = 23;
    private static final int H265_VPS_NUT = 32;
    private static final int H265_SUFFIX_SEI_NUT = 40;

    private AccessUnits() {
    }

    /** One access unit: its NAL units (no start codes) and whether it holds an IDR/IRAP picture. */
    record Unit(List<byte[]> nals, boolean keyframe) {

        /** The access unit as Annex B with 4-byte start codes. */
        byte[] annexB() {
            return AnnexB.join(nals);
        }
    }

    static List<Unit> h264(List<byte[]> units) {
        List<Unit> out = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean sawSlice = false;
        boolean key = false;
        for (byte[] nal : units) {
            int type = nal[0] & 0x1F;
            boolean slice = type >= 1 && type <= 5;
            boolean firstSlice = slice && nal.length > 1 && (nal[1] & 0x80) != 0;
            boolean opens = (type >= 6 && type <= 9) || firstSlice;
            if (opens && sawSlice) {
                out.add(new Unit(current, key));
                current = new ArrayList<>();
                sawSlice = false;
                key = false;
            }
            current.add(nal);
            sawSlice |= slice;
            key |= type == H264_IDR;
        }
        if (!current.isEmpty()) {
            out.add(new Unit(current, key));
        }
        return out;
    }

    static List<Unit> h265(List<byte[]> units) {
        List<Unit> out = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean sawSlice = false;
        boolean key = false;
        for (byte[] nal : units) {
            int type = (nal[0] >> 1) & 0x3F;
            boolean vcl = type < H265_VPS_NUT;
            boolean firstSlice = vcl && nal.length > 2 && (nal[2] & 0x80) != 0;
            boolean opens = (type >= H265_VPS_NUT && type < H265_SUFFIX_SEI_NUT) || firstSlice;
            if (opens && sawSlice) {
                out.add(new Unit(current, key));
                current = new ArrayList<>();
                sawSlice = false;
                key = false;
            }
            current.add(nal);
            sawSlice |= vcl;
            key |= type >= H265_BLA_W_LP && type <= H265_RSV_IRAP_VCL23;
        }
        if (!current.isEmpty()) {
            out.add(new Unit(current, key));
        }
        return out;
    }
}
