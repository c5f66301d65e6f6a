package io.airlock.alert;

/**
 * The detection rules. Identifiers follow the catalogue in the threat-signature reference (§6); rules Airlock adds
 * extend the same scheme. {@code docs/rules.md} describes each one for operators and must stay in step with this enum.
 */
public enum Rule {
    MED_01("MED-01", Severity.MEDIUM, "Program Stream carries vendor-private data",
            "PSM private descriptors (\"HK\"), non-0xFF pack stuffing, or private PES 0xBD/0xBF"),
    MED_02("MED-02", Severity.MEDIUM, "SEI payload type outside the allow-list",
            "SEI messages other than buffering period, picture timing, registered/unregistered user data with known"
                    + " UUIDs, recovery point and the usual decoder hints; 229 marks a HiSilicon encoder"),
    MED_03("MED-03", Severity.MEDIUM, "Reserved or unspecified NAL unit type",
            "H.264 types 0, 24-31 outside RTP packetization; H.265 types 41-47 (reserved) and 48-63 (unspecified)"),
    MED_04("MED-04", Severity.MEDIUM, "Dahua DHAV private framing",
            "DHAV 0xF1 assistant frames, unknown extension types, or a DAHUA file header"),
    MED_05("MED-05", Severity.LOW, "Unexpected RTP header extension or CSRCs",
            "RTP header extension profile other than ONVIF 0xABAC/0xABAD or RFC 8285 0xBEDE/0x100x, or CSRCs on a"
                    + " camera stream"),
    MED_06("MED-06", Severity.MEDIUM, "SEI user data with an unknown UUID",
            "user_data_unregistered whose UUID belongs to no known encoder: firmware-defined payload"),
    MED_07("MED-07", Severity.MEDIUM, "NAL unit header with forbidden_zero_bit set",
            "a start code followed by a header with the forbidden bit set: vendor framing mixed into the stream"),
    MED_08("MED-08", Severity.INFO, "Encoder fingerprint in SEI user data",
            "user_data_unregistered from a known encoder (x264, x265, Apple VideoToolbox, MainConcept)"),
    NET_01("NET-01", Severity.HIGH, "Camera reaches an unsanctioned destination",
            "a camera opens a flow to an address that is not its recorder, Airlock, or a sanctioned NTP/DNS server"),
    NET_02("NET-02", Severity.HIGH, "Dahua P2P cloud traffic",
            "UDP payload starting PTCP (Dahua P2P tunnel) or DHGET/DHPOST requests with X-WSSE (Easy4IP/IMOU)"),
    NET_03("NET-03", Severity.HIGH, "DNS lookup of a vendor cloud",
            "a camera resolves a name under hik-connect.com, ezvizlife.com, ys7.com, easy4ipcloud.com, imoulife.com"
                    + " or another known vendor cloud"),
    NET_04("NET-04", Severity.HIGH, "Camera pushes media or registers with a platform",
            "RTMP handshake, SIP REGISTER/INVITE (GB/T 28181), or TCP to the ISUP/EHome defaults 7660/7665/7662-7663"
                    + "/6011"),
    NET_05("NET-05", Severity.HIGH, "P2P hole punching (STUN/SRT)",
            "STUN (magic cookie 0x2112A442) or SRT handshake from a camera: Hik-Connect/EZVIZ style P2P"),
    NET_06("NET-06", Severity.MEDIUM, "Vendor discovery broadcast",
            "Hikvision SADP (UDP 37020, EtherType 0x8033), Dahua DHIP 37810 or UDP 5050, XiongMai 34569, ONVIF"
                    + " WS-Discovery, SSDP"),
    NET_07("NET-07", Severity.HIGH, "UPnP port mapping",
            "SSDP M-SEARCH for an InternetGatewayDevice or a SOAP AddPortMapping: the camera opens the firewall"),
    CVE_2017_7921("CVE-2017-7921", Severity.HIGH, "Hikvision authentication bypass attempt",
            "a request with auth=YWRtaW46MTEK (admin:11) on a Hikvision PSIA path"),
    CVE_2018_9995("CVE-2018-9995", Severity.HIGH, "TBK DVR credential disclosure attempt",
            "GET /device.rsp?opt=user&cmd=list with Cookie: uid=admin"),
    CVE_2021_33044("CVE-2021-33044", Severity.HIGH, "Dahua authentication bypass attempt (NetKeyboard)",
            "global.login over RPC2_Login or DHIP with clientType NetKeyboard"),
    CVE_2021_33045("CVE-2021-33045", Severity.HIGH, "Dahua authentication bypass attempt (Loopback)",
            "global.login with loginType Loopback or clientType Local"),
    CVE_2021_36260("CVE-2021-36260", Severity.HIGH, "Hikvision command injection attempt",
            "PUT or POST /SDK/webLanguage whose body carries a shell metacharacter"),
    RTSP_01("RTSP-01", Severity.HIGH, "RTP redirection",
            "SETUP Transport destination other than the RTSP peer, multicast, source other than the camera, or a"
                    + " 3xx redirect to another host"),
    RTSP_02("RTSP-02", Severity.INFO, "Vendor fingerprint",
            "vendor identified from the Server header, Digest realm, SDP attributes or the IMKH media header"),
    RTSP_03("RTSP-03", Severity.LOW, "Extra SDP track",
            "the session offers tracks besides the audio and video a recorder needs, e.g. vnd.onvif.metadata"),
    RTSP_04("RTSP-04", Severity.HIGH, "RTP from an unexpected source",
            "RTP or RTCP reaching a camera session's ports from an address or port other than the camera's; dropped"),
    RTSP_05("RTSP-05", Severity.MEDIUM, "Recorder refused",
            "an RTSP client that is not an allowed recorder, or whose Digest credentials are wrong, asked for a"
                    + " camera"),
    RTSP_06("RTSP-06", Severity.LOW, "Recorder stalled",
            "a recorder took no packets for longer than limits.recorder_stall; its session was closed so it cannot"
                    + " hold up the camera or the other recorders");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String trigger;

    Rule(String id, Severity severity, String title, String trigger) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.trigger = trigger;
    }

    /** The catalogue identifier, e.g. "MED-02". */
    public String id() {
        return id;
    }

    /** Default severity of a finding of this rule. */
    public Severity severity() {
        return severity;
    }

    /** Short human title. */
    public String title() {
        return title;
    }

    /** One line saying what triggers the rule. */
    public String trigger() {
        return trigger;
    }

    /** The rule with this catalogue id, or null. */
    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equalsIgnoreCase(id)) {
                return r;
            }
        }
        return null;
    }
}
