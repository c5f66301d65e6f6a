package io.airlock.codec;

/**
 * The VUI syntax that H.264 (ITU-T H.264 Annex E.1.1) and H.265 (ITU-T H.265 Annex E.2.1) share, read only as far as
 * the frame rate needs.
 *
 * <pre>
 * aspect_ratio_info_present_flag u(1)  [aspect_ratio_idc u(8)  [sar_width u(16) sar_height u(16)]  if Extended_SAR]
 * overscan_info_present_flag u(1)      [overscan_appropriate_flag u(1)]
 * video_signal_type_present_flag u(1)  [video_format u(3) video_full_range_flag u(1)
 *                                       colour_description_present_flag u(1) [primaries, transfer, matrix: 3 x u(8)]]
 * chroma_loc_info_present_flag u(1)    [chroma_sample_loc_type_top_field ue(v) ..._bottom_field ue(v)]
 * ... codec-specific fields (H.265 only: field/frame flags, default display window) ...
 * timing_info_present_flag u(1)        [num_units_in_tick u(32) time_scale u(32) ...]
 * </pre>
 */
public final class VuiTiming {

    public static final int EXTENDED_SAR = 255;

    private VuiTiming() {
    }

    /** Skips aspect_ratio_info through chroma_loc_info, the leading fields common to both codecs. */
    public static void skipThroughChromaLocation(RbspBitReader r) {
        if (r.readFlag() && r.readBits(8) == EXTENDED_SAR) {
            r.readBits(32);
        }
        if (r.readFlag()) {
            r.readFlag();
        }
        if (r.readFlag()) {
            r.readBits(4);
            if (r.readFlag()) {
                r.readBits(24);
            }
        }
        if (r.readFlag()) {
            r.readUe();
            r.readUe();
        }
    }

    /**
     * Reads timing_info_present_flag and, when set, num_units_in_tick and time_scale.
     *
     * @param ticksPerFrame 2 for H.264 (a tick is a field), 1 for H.265
     * @return time_scale / (ticksPerFrame * num_units_in_tick), or 0 when absent, truncated or zero ticks
     */
    public static double fps(RbspBitReader r, double ticksPerFrame) {
        if (!r.readFlag()) {
            return 0;
        }
        long numUnitsInTick = r.readBits(32);
        long timeScale = r.readBits(32);
        // A truncated VUI only loses the frame rate; the picture fields before it are already valid.
        if (r.ok() && numUnitsInTick != 0) {
            return timeScale / (ticksPerFrame * numUnitsInTick);
        }
        return 0;
    }
}
