package io.airlock.codec;

/** Video codecs whose NAL units Airlock inspects. */
public enum Codec {
    H264("H.264"),
    H265("H.265"),
    UNKNOWN("unknown");

    private final String displayName;

    Codec(String displayName) {
        this.displayName = displayName;
    }

    /** Name for reports, e.g. "H.265". */
    public String displayName() {
        return displayName;
    }

    /** The codec an SDP rtpmap encoding name means ("H264", "H265", "HEVC"), or {@link #UNKNOWN}. */
    public static Codec fromEncodingName(String encodingName) {
        if (encodingName == null) {
            return UNKNOWN;
        }
        switch (encodingName.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "H264":
                return H264;
            case "H265":
            case "HEVC":
                return H265;
            default:
                return UNKNOWN;
        }
    }

    /** Bytes in the NAL unit header: 1 for H.264 (ITU-T H.264 §7.3.1), 2 for H.265 (ITU-T H.265 §7.3.1.2). */
    public int nalHeaderLength() {
        return this == H265 ? 2 : 1;
    }
}
