package io.airlock.classify;

import io.airlock.net.Flow;
import io.netty.buffer.ByteBuf;

/**
 * Says what a UDP datagram or TCP segment payload is from its bytes, not its ports: users move ports, and vendor
 * channels run on ordinary ones (threat-signatures §0). Pure, thread-safe and allocation-free.
 *
 * <p>The first byte picks the few checks that can apply, so RTP (V=2, nearly every packet on a camera network) costs
 * a handful of reads. Well-known ports only break ties (DNS, NTP, SADP, XiongMai discovery); {@link #portHint} is the
 * one place a port alone decides, for flows that have sent no payload yet.
 */
public final class PayloadClassifier {

    /** EtherType of Hikvision's layer-2 SADP (threat-signatures §1.1). */
    public static final int ETHERTYPE_SADP = 0x8033;
    /** First byte of the 38-byte SADP L2 header. */
    public static final int SADP_HEADER_ID = 0x21;

    private static final int DNS_PORT = 53;
    private static final int MDNS_PORT = 5353;
    private static final int NTP_PORT = 123;
    private static final int SADP_PORT = 37020;
    private static final int DHIP_DISCOVERY_PORT = 37810;
    private static final int XIONGMAI_DISCOVERY_PORT = 34569;
    private static final byte[] DH_DISCOVER = Ascii.bytes("dhdiscover");
    private static final byte[] NOTIFY_DEV_INFO = Ascii.bytes("client.notifydevinfo");

    private PayloadClassifier() {
    }

    /**
     * The verdict for one payload: {@code protocol} is {@link Flow#PROTO_TCP} or {@link Flow#PROTO_UDP}, ports are
     * the packet's own. TCP segments are judged as the first payload of their connection. Empty, out-of-range or
     * unrecognised payloads are {@link Verdict#UNKNOWN}.
     */
    public static Verdict classify(int protocol, int srcPort, int dstPort, ByteBuf buf, int off, int len) {
        if (len <= 0 || off < 0 || (long) off + len > buf.capacity()) {
            return Verdict.UNKNOWN;
        }
        Verdict v;
        if (protocol == Flow.PROTO_UDP) {
            v = datagram(srcPort, dstPort, buf, off, len);
        } else if (protocol == Flow.PROTO_TCP) {
            v = segment(buf, off, len);
        } else {
            v = null;
        }
        return v == null ? Verdict.UNKNOWN : v;
    }

    /**
     * For a flow with no payload yet (a bare TCP SYN): the Hikvision ISUP/EHome defaults, TCP 7660, 7665, 7662, 7663,
     * 6011 and UDP 7662 (threat-signatures §1.1). Everything else is {@link Verdict#UNKNOWN}.
     */
    public static Verdict portHint(int protocol, int dstPort) {
        if (protocol == Flow.PROTO_TCP) {
            switch (dstPort) {
                case 7660, 7665, 7662, 7663, 6011:
                    return Verdict.HIK_ISUP_PORT;
                default:
                    return Verdict.UNKNOWN;
            }
        }
        return protocol == Flow.PROTO_UDP && dstPort == 7662 ? Verdict.HIK_ISUP_PORT : Verdict.UNKNOWN;
    }

    /**
     * Non-IP layer-2 frames, {@code buf[off, off + len)} being the bytes after the Ethernet header: EtherType 0x8033
     * is Hikvision SADP when the header id 0x21 is there (or the frame is too short to tell).
     */
    public static Verdict classifyFrame(int etherType, ByteBuf buf, int off, int len) {
        if (etherType != ETHERTYPE_SADP || len < 0 || off < 0 || (long) off + len > buf.capacity()) {
            return Verdict.UNKNOWN;
        }
        return len == 0 || buf.getUnsignedByte(off) == SADP_HEADER_ID ? Verdict.HIK_SADP : Verdict.UNKNOWN;
    }

    private static Verdict datagram(int srcPort, int dstPort, ByteBuf b, int off, int len) {
        int b0 = b.getUnsignedByte(off);
        boolean dnsPort = isPort(srcPort, dstPort, DNS_PORT) || isPort(srcPort, dstPort, MDNS_PORT);
        boolean ntpPort = isPort(srcPort, dstPort, NTP_PORT);
        if (b0 >>> 6 == 2 && len >= 4) {
            if (dnsPort && BinarySignatures.dns(b, off, len)) {
                return Verdict.DNS;
            }
            if (ntpPort && BinarySignatures.ntp(b, off, len, true)) {
                return Verdict.NTP;
            }
            int word0 = b.getInt(off);
            if ((b0 == 0xA3 || b0 == 0xB3) && BinarySignatures.dahuaDiscoveryV1(b, off, len)) {
                return Verdict.DAHUA_DISCOVERY_V1;
            }
            if (word0 == 0x8000_0000 && BinarySignatures.srtHandshake(b, off, len)) {
                return Verdict.SRT;
            }
            if (BinarySignatures.rtcp(b, off, len, word0)) {
                return Verdict.RTCP;
            }
            Verdict rtp = BinarySignatures.rtp(b, off, len, word0);
            if (rtp != null) {
                return rtp;
            }
        } else {
            Verdict v = datagramMagic(b0, srcPort, dstPort, b, off, len);
            if (v != null) {
                return v;
            }
        }
        if (BinarySignatures.dns(b, off, len)) {
            return Verdict.DNS;
        }
        return BinarySignatures.ntp(b, off, len, ntpPort) ? Verdict.NTP : null;
    }

    private static Verdict datagramMagic(int b0, int srcPort, int dstPort, ByteBuf b, int off, int len) {
        if (b0 < 0x40 && BinarySignatures.stun(b, off, len, true)) {
            return Verdict.STUN;
        }
        if (b0 == 0x20 && BinarySignatures.dhip(b, off, len)) {
            int body = off + BinarySignatures.DAHUA_HEADER_LENGTH;
            int end = off + Math.min(len, TextSignatures.MAX_SCAN);
            boolean discovery = Ascii.indexOfIgnoreCase(b, body, end, DH_DISCOVER) >= 0
                    || Ascii.indexOfIgnoreCase(b, body, end, NOTIFY_DEV_INFO) >= 0
                    || isPort(srcPort, dstPort, DHIP_DISCOVERY_PORT);
            return discovery ? Verdict.DAHUA_DHIP_DISCOVERY : Verdict.DAHUA_DHIP;
        }
        if (b0 == 'P' && BinarySignatures.ptcp(b, off, len)) {
            return Verdict.DAHUA_PTCP;
        }
        if (b0 == 0xFF && BinarySignatures.sofia(b, off, len, true)) {
            return xiongMai(srcPort, dstPort, b, off, len);
        }
        if (b0 == '<') {
            return TextSignatures.xml(b, off, len, isPort(srcPort, dstPort, SADP_PORT));
        }
        if (b0 == '{') {
            return TextSignatures.xiongMaiNetCommon(b, off, len) ? Verdict.XIONGMAI_DISCOVERY : null;
        }
        if (b0 >= 'A' && b0 <= 'Z') {
            return TextSignatures.startLine(b, off, len, true);
        }
        return null;
    }

    private static Verdict xiongMai(int srcPort, int dstPort, ByteBuf b, int off, int len) {
        int message = BinarySignatures.sofiaMessage(b, off);
        boolean discovery = message == BinarySignatures.SOFIA_DISCOVERY_REQUEST
                || message == BinarySignatures.SOFIA_DISCOVERY_REPLY
                || isPort(srcPort, dstPort, XIONGMAI_DISCOVERY_PORT)
                || TextSignatures.xiongMaiNetCommon(b, off, len);
        return discovery ? Verdict.XIONGMAI_DISCOVERY : Verdict.XIONGMAI_SOFIA;
    }

    private static Verdict segment(ByteBuf b, int off, int len) {
        int b0 = b.getUnsignedByte(off);
        switch (b0) {
            case 0x16:
                return BinarySignatures.tlsClientHello(b, off, len) ? Verdict.TLS_CLIENT_HELLO : null;
            case 0x03:
                return BinarySignatures.rtmpC0C1(b, off, len) ? Verdict.RTMP_HANDSHAKE : null;
            case 0xA0, 0xA1, 0xB0, 0xB1, 0xF6:
                return BinarySignatures.dvrip(b, off, len) ? Verdict.DAHUA_DVRIP : null;
            case 0xFF:
                return BinarySignatures.sofia(b, off, len, false) ? Verdict.XIONGMAI_SOFIA : null;
            default:
                break;
        }
        if (b0 == 0x20 && BinarySignatures.dhip(b, off, len)) {
            return Verdict.DAHUA_DHIP;
        }
        if (b0 >= 'A' && b0 <= 'Z') {
            Verdict text = TextSignatures.startLine(b, off, len, false);
            if (text != null) {
                return text;
            }
        }
        if (b0 == '<') {
            return TextSignatures.xml(b, off, len, false);
        }
        if (b0 < 0x40 && BinarySignatures.stun(b, off, len, false)) {
            return Verdict.STUN;
        }
        if (BinarySignatures.dnsOverTcp(b, off, len)) {
            return Verdict.DNS;
        }
        return BinarySignatures.rtpOverTcp(b, off, len);
    }

    private static boolean isPort(int srcPort, int dstPort, int port) {
        return srcPort == port || dstPort == port;
    }
}
