package io.airlock.wire;

/**
 * The protocol layer a {@link Rejection} belongs to. Each layer owns one enum of rejection reasons; together they
 * index a flat counter array in {@link RejectionCounters}.
 */
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
    CONTAINER;

    /** Upper bound on the number of reasons one layer may declare. */
    public static final int MAX_REASONS_PER_LAYER = 64;
}
