package io.airlock.classify;

import io.airlock.alert.Rule;

/**
 * What a packet's payload says a flow is, decided from its bytes rather than its ports (cameras let users move
 * ports). Each verdict names the rule it implies on a camera's outbound flow, or null when the kind of traffic is not
 * suspect in itself and only its destination matters (NET-01).
 */
public enum Verdict {
    UNKNOWN("unknown", "unclassified traffic", null),
    RTSP("rtsp", "RTSP", null),
    RTP("rtp", "RTP", null),
    RTP_PS("rtp-ps", "MPEG-2 PS over RTP (GB/T 28181 style)", null),
    RTCP("rtcp", "RTCP", null),
    RTMP_HANDSHAKE("rtmp", "RTMP handshake (C0/C1)", Rule.NET_04),
    SIP_REGISTER("sip-register", "SIP REGISTER", Rule.NET_04),
    SIP_INVITE("sip-invite", "SIP INVITE", Rule.NET_04),
    SIP_OTHER("sip", "SIP request or response", Rule.NET_04),
    STUN("stun", "STUN (RFC 5389)", Rule.NET_05),
    SRT("srt", "SRT handshake", Rule.NET_05),
    DAHUA_PTCP("dahua-ptcp", "Dahua P2P PTCP tunnel", Rule.NET_02),
    DAHUA_P2P_REQUEST("dahua-p2p", "Dahua P2P DHGET/DHPOST request", Rule.NET_02),
    DAHUA_DVRIP("dahua-dvrip", "Dahua DVRIP", null),
    DAHUA_DHIP("dahua-dhip", "Dahua DHIP JSON-RPC", null),
    DAHUA_DHIP_DISCOVERY("dahua-dhip-discovery", "Dahua DHIP discovery", Rule.NET_06),
    DAHUA_DISCOVERY_V1("dahua-discovery", "Dahua discovery (UDP 5050)", Rule.NET_06),
    HIK_SADP("hik-sadp", "Hikvision SADP discovery", Rule.NET_06),
    HIK_ISUP_PORT("hik-isup", "Hikvision ISUP/EHome default port", Rule.NET_04),
    XIONGMAI_SOFIA("xiongmai-sofia", "XiongMai Sofia (NETSurveillance)", null),
    XIONGMAI_DISCOVERY("xiongmai-discovery", "XiongMai discovery", Rule.NET_06),
    ONVIF_DISCOVERY("onvif-discovery", "ONVIF WS-Discovery", Rule.NET_06),
    SSDP_IGD_SEARCH("ssdp-igd", "SSDP M-SEARCH for an Internet gateway", Rule.NET_07),
    SSDP("ssdp", "SSDP discovery", Rule.NET_06),
    UPNP_ADD_PORT_MAPPING("upnp-add-port-mapping", "UPnP AddPortMapping", Rule.NET_07),
    DNS("dns", "DNS", null),
    NTP("ntp", "NTP", null),
    TLS_CLIENT_HELLO("tls", "TLS ClientHello", null),
    HTTP_REQUEST("http", "HTTP request", null);

    private final String id;
    private final String label;
    private final Rule rule;

    Verdict(String id, String label, Rule rule) {
        this.id = id;
        this.label = label;
        this.rule = rule;
    }

    /** Stable lower-case name for JSON and metrics labels. */
    public String id() {
        return id;
    }

    /** Human description for reports. */
    public String label() {
        return label;
    }

    /** The rule this traffic raises when a camera sends it, or null when only the destination matters. */
    public Rule rule() {
        return rule;
    }
}
