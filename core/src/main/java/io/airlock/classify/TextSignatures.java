package io.airlock.classify;

import io.netty.buffer.ByteBuf;

/**
 * Text protocols by their start line: {@code METHOD SP target SP version} requests and {@code version SP status}
 * responses, where the version token (SIP/2.0, RTSP/1.0, HTTP/1.x) names the protocol and the method refines it;
 * then the XML and JSON discovery messages. Reads stay inside the first {@link #MAX_SCAN} bytes.
 */
final class TextSignatures {

    /** Text classification reads at most this many bytes of a payload. */
    static final int MAX_SCAN = 8192;
    static final int MAX_METHOD_LENGTH = 20;

    private static final byte[] SIP_VERSION = Ascii.bytes("SIP/2.0");
    private static final byte[] RTSP_VERSION = Ascii.bytes("RTSP/");
    private static final byte[] HTTP_VERSION = Ascii.bytes("HTTP/1.");
    private static final byte[] REGISTER = Ascii.bytes("REGISTER");
    private static final byte[] INVITE = Ascii.bytes("INVITE");
    private static final byte[] DHGET = Ascii.bytes("DHGET");
    private static final byte[] DHPOST = Ascii.bytes("DHPOST");
    private static final byte[] M_SEARCH = Ascii.bytes("M-SEARCH");
    private static final byte[] NOTIFY = Ascii.bytes("NOTIFY");
    private static final byte[] POST = Ascii.bytes("POST");
    private static final byte[] M_POST = Ascii.bytes("M-POST");
    private static final byte[] ST = Ascii.bytes("st");
    private static final byte[] USN = Ascii.bytes("usn");
    private static final byte[] IGD = Ascii.bytes("internetgatewaydevice");
    private static final byte[] WAN_IP = Ascii.bytes("wanipconnection");
    private static final byte[] WAN_PPP = Ascii.bytes("wanpppconnection");
    private static final byte[] ADD_PORT_MAPPING = Ascii.bytes("addportmapping");
    private static final byte[] XML_DECLARATION = Ascii.bytes("<?xml");
    private static final byte[] PROBE = Ascii.bytes("Probe");
    private static final byte[] PROBE_MATCH = Ascii.bytes("ProbeMatch");
    private static final byte[] ENVELOPE = Ascii.bytes("envelope");
    private static final byte[] DISCOVERY_NAMESPACE = Ascii.bytes("/discovery");
    private static final byte[] XM_NET_COMMON = Ascii.bytes("network.netcommon");

    private TextSignatures() {
    }

    /** A request or response start line; null when the bytes are not one of the text protocols. */
    static Verdict startLine(ByteBuf b, int off, int len, boolean datagram) {
        int end = off + Math.min(len, MAX_SCAN);
        if (Ascii.startsWith(b, off, end, SIP_VERSION) && followedBySpace(b, off + SIP_VERSION.length, end)) {
            return Verdict.SIP_OTHER;
        }
        if (Ascii.startsWith(b, off, end, RTSP_VERSION) && b.indexOf(off, Math.min(end, off + 10), (byte) ' ') > 0) {
            return Verdict.RTSP;
        }
        if (Ascii.startsWith(b, off, end, HTTP_VERSION)) {
            boolean announces = Ascii.headerValue(b, off, end, USN) != Ascii.NONE
                    || Ascii.headerValue(b, off, end, ST) != Ascii.NONE;
            return datagram && announces ? Verdict.SSDP : null;
        }
        int methodEnd = off;
        int methodLimit = Math.min(end, off + MAX_METHOD_LENGTH);
        while (methodEnd < methodLimit && isMethodChar(b.getUnsignedByte(methodEnd))) {
            methodEnd++;
        }
        if (methodEnd == off || methodEnd >= end || b.getByte(methodEnd) != ' ') {
            return null;
        }
        int target = methodEnd + 1;
        int targetEnd = target;
        while (targetEnd < end && b.getUnsignedByte(targetEnd) > ' ') {
            targetEnd++;
        }
        if (targetEnd == target || targetEnd >= end || b.getByte(targetEnd) != ' ') {
            return null;
        }
        int version = targetEnd + 1;
        if (Ascii.startsWith(b, version, end, SIP_VERSION)) {
            return sip(b, off, methodEnd);
        }
        if (Ascii.startsWith(b, version, end, RTSP_VERSION)) {
            return Verdict.RTSP;
        }
        if (Ascii.startsWith(b, version, end, HTTP_VERSION)) {
            return http(b, off, methodEnd, end);
        }
        return null;
    }

    private static Verdict sip(ByteBuf b, int off, int methodEnd) {
        if (isMethod(b, off, methodEnd, REGISTER)) {
            return Verdict.SIP_REGISTER;
        }
        return isMethod(b, off, methodEnd, INVITE) ? Verdict.SIP_INVITE : Verdict.SIP_OTHER;
    }

    private static Verdict http(ByteBuf b, int off, int methodEnd, int end) {
        if (isMethod(b, off, methodEnd, DHGET) || isMethod(b, off, methodEnd, DHPOST)) {
            return Verdict.DAHUA_P2P_REQUEST;
        }
        if (isMethod(b, off, methodEnd, M_SEARCH)) {
            long st = Ascii.headerValue(b, off, end, ST);
            if (st != Ascii.NONE) {
                int from = Ascii.start(st);
                int to = Ascii.end(st);
                if (Ascii.indexOfIgnoreCase(b, from, to, IGD) >= 0 || Ascii.indexOfIgnoreCase(b, from, to, WAN_IP) >= 0
                        || Ascii.indexOfIgnoreCase(b, from, to, WAN_PPP) >= 0) {
                    return Verdict.SSDP_IGD_SEARCH;
                }
            }
            return Verdict.SSDP;
        }
        if (isMethod(b, off, methodEnd, NOTIFY) && b.getByte(methodEnd + 1) == '*') {
            return Verdict.SSDP;
        }
        if ((isMethod(b, off, methodEnd, POST) || isMethod(b, off, methodEnd, M_POST))
                && Ascii.indexOfIgnoreCase(b, methodEnd, end, ADD_PORT_MAPPING) >= 0) {
            return Verdict.UPNP_ADD_PORT_MAPPING;
        }
        return Verdict.HTTP_REQUEST;
    }

    /**
     * XML discovery: a root element {@code <Probe>} or {@code <ProbeMatch>} without namespace is Hikvision SADP; a
     * SOAP envelope in a WS-Discovery namespace is ONVIF. The SADP port 37020 breaks ties for other roots.
     */
    static Verdict xml(ByteBuf b, int off, int len, boolean sadpPort) {
        int end = off + Math.min(len, MAX_SCAN);
        int p = Ascii.skipWhitespace(b, off, end);
        if (Ascii.startsWith(b, p, end, XML_DECLARATION)) {
            int close = b.indexOf(p, end, (byte) '>');
            if (close < 0) {
                return null;
            }
            p = Ascii.skipWhitespace(b, close + 1, end);
        }
        if (p >= end || b.getByte(p) != '<') {
            return null;
        }
        int name = p + 1;
        int nameEnd = name;
        while (nameEnd < end && b.getUnsignedByte(nameEnd) > ' ' && b.getByte(nameEnd) != '>'
                && b.getByte(nameEnd) != '/') {
            nameEnd++;
        }
        if (isName(b, name, nameEnd, PROBE) || isName(b, name, nameEnd, PROBE_MATCH)) {
            return Verdict.HIK_SADP;
        }
        int colon = b.indexOf(name, nameEnd, (byte) ':');
        int local = colon < 0 ? name : colon + 1;
        if (nameEnd - local == ENVELOPE.length && Ascii.startsWithIgnoreCase(b, local, nameEnd, ENVELOPE)
                && Ascii.indexOfIgnoreCase(b, nameEnd, end, DISCOVERY_NAMESPACE) >= 0) {
            return Verdict.ONVIF_DISCOVERY;
        }
        return sadpPort && nameEnd > name ? Verdict.HIK_SADP : null;
    }

    /** XiongMai search replies carry their network settings as a "NetWork.NetCommon" JSON object. */
    static boolean xiongMaiNetCommon(ByteBuf b, int off, int len) {
        return Ascii.indexOfIgnoreCase(b, off, off + Math.min(len, MAX_SCAN), XM_NET_COMMON) >= 0;
    }

    private static boolean followedBySpace(ByteBuf b, int p, int end) {
        return p < end && b.getByte(p) == ' ';
    }

    private static boolean isMethodChar(int c) {
        return c >= 'A' && c <= 'Z' || c == '-' || c == '_';
    }

    private static boolean isMethod(ByteBuf b, int off, int methodEnd, byte[] method) {
        return methodEnd - off == method.length && Ascii.startsWith(b, off, methodEnd, method);
    }

    private static boolean isName(ByteBuf b, int from, int to, byte[] name) {
        return to - from == name.length && Ascii.startsWith(b, from, to, name);
    }
}
