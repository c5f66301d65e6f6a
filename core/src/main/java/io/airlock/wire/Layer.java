package io.airlock.wire;

/** The protocol layer a {@link Rejection} belongs to, for reports; a layer may have several rejection enums. */
public enum Layer {
    FILE,
    PCAP,
    LINK,
    IP,
    UDP,
    TCP,
    RTSP,
    SDP,
    RTP,
    RTCP,
    H264,
    H265,
    ANNEX_B,
    SEI,
    PS,
    DHAV,
    IMKH,
    CONTAINER,
    /** Application protocols read on the camera network watch: DNS, TLS, HTTP, SIP. */
    APPLICATION;

    /** Upper bound on the number of reasons one layer may declare. */
    public static final int MAX_REASONS_PER_LAYER = 64;
}
