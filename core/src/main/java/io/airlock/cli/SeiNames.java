package io.airlock.cli;

/** Names of SEI payload types (ITU-T H.264 / H.265 Annex D) for reports. */
final class SeiNames {

    private SeiNames() {
    }

    static String of(int payloadType) {
        switch (payloadType) {
            case 0: return "buffering_period";
            case 1: return "pic_timing";
            case 2: return "pan_scan_rect";
            case 3: return "filler_payload";
            case 4: return "user_data_registered_itu_t_t35";
            case 5: return "user_data_unregistered";
            case 6: return "recovery_point";
            case 45: return "frame_packing_arrangement";
            case 47: return "display_orientation";
            case 129: return "active_parameter_sets";
            case 130: return "decoding_unit_info";
            case 132: return "decoded_picture_hash";
            case 136: return "time_code";
            case 137: return "mastering_display_colour_volume";
            case 144: return "content_light_level_info";
            case 147: return "alternative_transfer_characteristics";
            case 229: return "undefined: HiSilicon";
            case 256: return "other types above 255";
            default: return "type " + payloadType;
        }
    }
}
