package io.airlock.classify;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Realistic UDP/TCP payloads (and one L2 frame body) of the traffic the camera network watch classifies, built from
 * the byte layouts in the threat-signature reference (§1.1, §3). For tests, synthetic captures and live replay.
 * Every call returns a fresh array; random parts come from a fixed seed, so the bytes are the same on every run.
 */
public final class SamplePayloads {

    /** The camera's own GB/T 28181 code (type 132, IP camera) and the platform's (type 200, SIP server). */
    public static final String GB_DEVICE_ID = "34020000001320000001";
    public static final String GB_PLATFORM_ID = "34020000002000000001";
    /** The X-WSSE PasswordDigest in {@link #dahuaDhget()}; must never show in evidence. */
    public static final String WSSE_DIGEST = "ZTk1NmE5ZWU0YmM3NGE5Mw==";
    /** Password in {@link #xiongmaiSofiaLogin()}. */
    public static final String SOFIA_PASSWORD = "tlJwpbo6";

    private SamplePayloads() {
    }

    /** Dahua PTCP data packet (24-byte header, then a 0x10 body: length | 0x10000000, realm, 0) tunnelling RTSP. */
    public static byte[] dahuaPtcp() {
        byte[] rtsp = ascii("OPTIONS rtsp://127.0.0.1:554/cam/realmonitor RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        return be(24 + 12 + rtsp.length).put(ascii("PTCP")).putInt(0).putInt(0).putInt(0x0000FFFF).putInt(0)
                .putInt(0).putInt(0x1000_0000 | rtsp.length).putInt(0x2A5E_1F00).putInt(0).put(rtsp).array();
    }

    /** Dahua P2P rendezvous request to easy4ipcloud.com:8800, with WSSE authentication. */
    public static byte[] dahuaDhget() {
        return ascii("DHGET /probe/p2psrv HTTP/1.1\r\nCSeq: 1\r\nAuthorization: WSSE profile=\"UsernameToken\"\r\n"
                + "X-WSSE: UsernameToken Username=\"P2PClient\", PasswordDigest=\"" + WSSE_DIGEST + "\", "
                + "Nonce=\"1804289383\", Created=\"2026-11-23T10:00:00Z\"\r\n\r\n");
    }

    /** RFC 5389 Binding request with a 96-bit transaction id and no attributes. */
    public static byte[] stunBindingRequest() {
        return be(20).putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442).put(random(12, 1)).array();
    }

    /** SRT caller induction handshake (HSv4 induction, extension field 2, MTU 1500, window 8192). */
    public static byte[] srtHandshake() {
        return be(64).putInt(0x8000_0000).putInt(0).putInt(1_000).putInt(0).putInt(4).putShort((short) 0)
                .putShort((short) 2).putInt(0x1234_5678).putInt(1500).putInt(8192).putInt(1).putInt(0x2F4C_6A11)
                .putInt(0).put(new byte[] {10, 1, 0, 20}).put(new byte[12]).array();
    }

    /** RTMP C0 (version 3) and C1: time 0, four zero bytes, 1528 random bytes. */
    public static byte[] rtmpC0C1() {
        return be(1537).put((byte) 3).putInt(0).putInt(0).put(random(1528, 2)).array();
    }

    /** GB/T 28181 REGISTER from the camera to its platform. */
    public static byte[] sipRegisterGb28181() {
        return ascii("REGISTER sip:" + GB_PLATFORM_ID + "@3402000000 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.1.0.20:5060;rport;branch=z9hG4bK1371463273\r\n"
                + "From: <sip:" + GB_DEVICE_ID + "@3402000000>;tag=2043466181\r\n"
                + "To: <sip:" + GB_DEVICE_ID + "@3402000000>\r\nCall-ID: 1011047669\r\nCSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + GB_DEVICE_ID + "@10.1.0.20:5060>\r\nMax-Forwards: 70\r\n"
                + "User-Agent: IP Camera\r\nExpires: 3600\r\nContent-Length: 0\r\n\r\n");
    }

    /** GB/T 28181 live-view INVITE from the platform, SDP asking for PS over RTP (s=Play, y= SSRC). */
    public static byte[] sipInvite() {
        String sdp = "v=0\r\no=" + GB_DEVICE_ID + " 0 0 IN IP4 10.2.0.5\r\ns=Play\r\nc=IN IP4 10.2.0.5\r\nt=0 0\r\n"
                + "m=video 30000 RTP/AVP 96\r\na=recvonly\r\na=rtpmap:96 PS/90000\r\ny=0100000001\r\n";
        return ascii("INVITE sip:" + GB_DEVICE_ID + "@3402000000 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.2.0.5:5060;rport;branch=z9hG4bK3481092\r\n"
                + "From: <sip:" + GB_PLATFORM_ID + "@3402000000>;tag=851903437\r\n"
                + "To: <sip:" + GB_DEVICE_ID + "@3402000000>\r\nCall-ID: 2290488233\r\nCSeq: 20 INVITE\r\n"
                + "Subject: " + GB_DEVICE_ID + ":0100000001," + GB_PLATFORM_ID + ":0\r\n"
                + "Content-Type: APPLICATION/SDP\r\nMax-Forwards: 70\r\nContent-Length: " + sdp.length() + "\r\n\r\n"
                + sdp);
    }

    /** Hikvision SADP inquiry to 239.255.255.250:37020. */
    public static byte[] sadpProbe() {
        return ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>9A1C1D2E-3F40-4A5B-8C6D-7E8F90A1B2C3"
                + "</Uuid><Types>inquiry</Types></Probe>");
    }

    /** Hikvision SADP at layer 2 (EtherType 0x8033): the 38-byte header after the Ethernet header. */
    public static byte[] sadpL2Frame() {
        return be(38).put((byte) 0x21).put((byte) 0x02).put((byte) 0x01).put((byte) 38).putInt(0x0000_1A2B)
                .put((byte) 6).put((byte) 4).put((byte) 0x01).put((byte) 0x03).putShort((short) 0x5C3E)
                .put(new byte[] {(byte) 0xC0, 0x56, (byte) 0xE3, 0x01, 0x02, 0x03}).put(new byte[] {10, 1, 0, 20})
                .put(new byte[] {-1, -1, -1, -1, -1, -1}).put(new byte[4]).put(new byte[] {-1, -1, -1, 0}).array();
    }

    /** Dahua DHIP discovery search to 239.255.255.251:37810: 32-byte header then DHDiscover.search JSON. */
    public static byte[] dhipDiscovery() {
        return dhip("{ \"method\" : \"DHDiscover.search\", \"params\" : { \"mac\" : \"\", \"uni\" : 1 } }\r\n");
    }

    /** Dahua discovery v1 probe to UDP 5050: 32 bytes, "a3 01 00 01", version 2 at byte 16. */
    public static byte[] dahuaDiscoveryV1() {
        byte[] b = new byte[32];
        b[0] = (byte) 0xA3;
        b[1] = 0x01;
        b[3] = 0x01;
        b[16] = 0x02;
        return b;
    }

    /** XiongMai search request to UDP 34569: a bare 20-byte Sofia header, message 1530. */
    public static byte[] xiongmaiDiscovery() {
        return sofia(0, 1530, new byte[0]);
    }

    /** XiongMai search reply carrying NetWork.NetCommon (message 1531). */
    public static byte[] xiongmaiDiscoveryReply() {
        return sofia(1, 1531, ascii("{ \"NetWork.NetCommon\" : { \"HostIP\" : \"0x1400010A\", \"HttpPort\" : 80,"
                + " \"MAC\" : \"00:12:41:aa:bb:cc\", \"SN\" : \"c5bf7751f17a23bd\", \"SSLPort\" : 8443,"
                + " \"TCPPort\" : 34567, \"UDPPort\" : 34568 }, \"Ret\" : 100, \"SessionID\" : \"0x00000000\" }\n\0"));
    }

    /** XiongMai Sofia login on TCP 34567 (message 1000) with its password in the JSON. */
    public static byte[] xiongmaiSofiaLogin() {
        return sofia(0, 1000, ascii("{ \"EncryptType\" : \"MD5\", \"LoginType\" : \"DVRIP-Web\", \"PassWord\" : \""
                + SOFIA_PASSWORD + "\", \"UserName\" : \"admin\" }\n\0"));
    }

    /** Dahua DVRIP 3DES login on TCP 37777: "a0 05 00 60", length 0, user and password (8 bytes each), tail. */
    public static byte[] dahuaDvripLogin() {
        return be(32).putInt(0xA005_0060).putInt(0).put(random(16, 3)).putLong(0x0402_0001_0000_A1AAL).array();
    }

    /** ONVIF WS-Discovery Probe to 239.255.255.250:3702. */
    public static byte[] onvifProbe() {
        return ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/"
                + "soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://"
                + "schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
                + "<s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe"
                + "</a:Action><a:MessageID>uuid:0a6dc791-2e94-4a1c-9d8b-7e2e1c3b4d5f</a:MessageID><a:To>"
                + "urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header><s:Body><d:Probe><d:Types>"
                + "dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>");
    }

    /** SSDP search for an Internet gateway: the first step of UPnP port mapping. */
    public static byte[] ssdpIgdSearch() {
        return ascii("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
                + "ST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nMAN: \"ssdp:discover\"\r\nMX: 3\r\n\r\n");
    }

    /** SSDP alive announcement of a camera's UPnP root device. */
    public static byte[] ssdpNotify() {
        return ascii("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n"
                + "LOCATION: http://10.1.0.20:49152/description.xml\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
                + "SERVER: Linux/3.10 UPnP/1.0 IPC/1.0\r\nUSN: uuid:2a7d6e8f-1b2c-4d3e-9f40-c056e3010203::upnp:"
                + "rootdevice\r\n\r\n");
    }

    /** UPnP IGD SOAP AddPortMapping opening external TCP 8000 to the camera. */
    public static byte[] upnpAddPortMapping() {
        String body = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:AddPortMapping xmlns:u="
                + "\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewRemoteHost></NewRemoteHost><NewExternalPort>"
                + "8000</NewExternalPort><NewProtocol>TCP</NewProtocol><NewInternalPort>8000</NewInternalPort>"
                + "<NewInternalClient>10.1.0.20</NewInternalClient><NewEnabled>1</NewEnabled>"
                + "<NewPortMappingDescription>IPC</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration>"
                + "</u:AddPortMapping></s:Body></s:Envelope>";
        return ascii("POST /ctl/IPConn HTTP/1.1\r\nHost: 10.1.0.1:5000\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n"
                + "SOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    }

    /** A standard query (RD set) for {@code name}, type A, class IN. */
    public static byte[] dnsQuery(String name) {
        byte[] q = dnsName(name);
        return be(12 + q.length + 4).putShort((short) 0x3A5C).putShort((short) 0x0100).putShort((short) 1)
                .putShort((short) 0).putInt(0).put(q).putShort((short) 1).putShort((short) 1).array();
    }

    /** The answer to {@link #dnsQuery}: one A record whose owner name is a compression pointer to the question. */
    public static byte[] dnsResponseA(String name, byte[] ipv4) {
        byte[] q = dnsName(name);
        return be(12 + q.length + 4 + 16).putShort((short) 0x3A5C).putShort((short) 0x8180).putShort((short) 1)
                .putShort((short) 1).putInt(0).put(q).putShort((short) 1).putShort((short) 1).putShort((short) 0xC00C)
                .putShort((short) 1).putShort((short) 1).putInt(300).putShort((short) 4).put(ipv4).array();
    }

    /** NTPv4 client request (mode 3), 48 bytes with the transmit timestamp set. */
    public static byte[] ntpClientRequest() {
        return be(48).put((byte) 0x23).put((byte) 0).put((byte) 6).put((byte) 0xEC).put(new byte[36])
                .putLong(0xECB2_1D80_1234_5678L).array();
    }

    /** TLS 1.3-style ClientHello in one record, with server_name {@code sni} and the usual extensions. */
    public static byte[] tlsClientHello(String sni) {
        byte[] host = ascii(sni);
        ByteBuffer ext = be(9 + host.length + 12 + 12 + 7);
        ext.putShort((short) 0).putShort((short) (host.length + 5)).putShort((short) (host.length + 3)).put((byte) 0)
                .putShort((short) host.length).put(host);
        ext.putShort((short) 10).putShort((short) 8).putShort((short) 6).putShort((short) 0x001D)
                .putShort((short) 0x0017).putShort((short) 0x0018);
        ext.putShort((short) 13).putShort((short) 8).putShort((short) 6).putShort((short) 0x0403)
                .putShort((short) 0x0804).putShort((short) 0x0401);
        ext.putShort((short) 43).putShort((short) 3).put((byte) 2).putShort((short) 0x0304);
        byte[] extensions = ext.array();
        int hello = 2 + 32 + 1 + 32 + 2 + 6 + 2 + 2 + extensions.length;
        return be(5 + 4 + hello).put((byte) 0x16).putShort((short) 0x0301).putShort((short) (4 + hello))
                .put((byte) 1).put((byte) 0).putShort((short) hello).putShort((short) 0x0303).put(random(32, 4))
                .put((byte) 32).put(random(32, 5)).putShort((short) 6).putShort((short) 0x1301)
                .putShort((short) 0x1302).putShort((short) 0xC02F).put((byte) 1).put((byte) 0)
                .putShort((short) extensions.length).put(extensions).array();
    }

    /** A plain HTTP/1.1 GET. */
    public static byte[] httpGet(String host, String target) {
        return ascii("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Mozilla/5.0\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n");
    }

    /** CVE-2021-36260 (Hikvision command injection): the published PoC's PUT /SDK/webLanguage. */
    public static byte[] cve202136260() {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><language>$(>webLib/c)</language>";
        return ascii("PUT /SDK/webLanguage HTTP/1.1\r\nHost: 10.1.0.20\r\nX-Requested-With: XMLHttpRequest\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
    }

    /** CVE-2017-7921 (Hikvision authentication bypass): the user list with auth=base64("admin:11"). */
    public static byte[] cve20177921() {
        return httpGet("10.1.0.20", "/Security/users?auth=YWRtaW46MTEK");
    }

    /** CVE-2021-33044 (Dahua NetKeyboard login bypass) over HTTP /RPC2_Login. */
    public static byte[] cve202133044() {
        String body = "{\"method\": \"global.login\", \"params\": {\"userName\": \"admin\", \"password\": \"Not Used\","
                + " \"clientType\": \"NetKeyboard\", \"loginType\": \"Direct\", \"authorityType\": \"Default\"},"
                + " \"id\": 1, \"session\": 0}";
        return ascii("POST /RPC2_Login HTTP/1.1\r\nHost: 10.1.0.30\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    }

    /** CVE-2021-33045 (Dahua loopback login bypass) over DHIP. */
    public static byte[] cve202133045() {
        return dhip("{\"id\":1,\"method\":\"global.login\",\"params\":{\"userName\":\"admin\",\"password\":\"\","
                + "\"ipAddr\":\"127.0.0.1\",\"loginType\":\"Loopback\",\"clientType\":\"Local\","
                + "\"authorityType\":\"Default\",\"passwordType\":\"Default\"},\"session\":0}");
    }

    /** CVE-2018-9995 (TBK DVR credential disclosure). */
    public static byte[] cve20189995() {
        return ascii("GET /device.rsp?opt=user&cmd=list HTTP/1.1\r\nHost: 10.1.0.40\r\nCookie: uid=admin\r\n\r\n");
    }

    /** RTP (RFC 3550) with the given header fields and {@code payload}. */
    public static byte[] rtpPacket(int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
        return be(12 + payload.length).put((byte) 0x80).put((byte) payloadType).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) ssrc).put(payload).array();
    }

    /** GB/T 28181 style RTP (PT 96) whose payload starts with an MPEG-2 PS pack header. */
    public static byte[] rtpPs(int sequence, long timestamp, long ssrc) {
        byte[] ps = be(24).putInt(0x000001BA).put(new byte[] {0x44, 0, 4, 0, 4, 1, 1, (byte) 0x87, 3, (byte) 0xF8})
                .putInt(0x000001E0).putShort((short) 0x0400).putInt(0x8080_0521).array();
        return rtpPacket(96, sequence, timestamp, ssrc, ps);
    }

    /** RTCP sender report (RFC 3550 §6.4.1) with no report blocks. */
    public static byte[] rtcpSenderReport(long ssrc) {
        return be(28).put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc)
                .putLong(0xECB2_1D80_0000_0000L).putInt(90_000).putInt(250).putInt(300_000).array();
    }

    private static byte[] dhip(String json) {
        byte[] body = ascii(json);
        return le(32 + body.length).putInt(0x20).put(ascii("DHIP")).putInt(0).putInt(0).putInt(body.length)
                .putInt(0).putInt(body.length).putInt(0).put(body).array();
    }

    private static byte[] sofia(int version, int message, byte[] body) {
        return le(20 + body.length).put((byte) 0xFF).put((byte) version).putShort((short) 0).putInt(0).putInt(0)
                .put((byte) 0).put((byte) 0).putShort((short) message).putInt(body.length).put(body).array();
    }

    private static byte[] dnsName(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(ascii(label));
        }
        out.write(0);
        return out.toByteArray();
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static ByteBuffer be(int n) {
        return ByteBuffer.allocate(n);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
