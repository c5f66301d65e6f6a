package io.airlock.classify;

import io.netty.buffer.ByteBuf;

import java.util.Map;

/** Evidence details of the text protocols, read from a {@link RedactedPayload} so no credential reaches them. */
final class TextEvidence {

    /** Longest detail value a finding carries. */
    static final int MAX_VALUE_CHARS = 256;

    private static final String[] UPNP_ARGUMENTS = {"NewExternalPort", "NewProtocol", "NewInternalPort",
        "NewInternalClient", "NewRemoteHost"};

    private TextEvidence() {
    }

    /** HTTP-framed requests (HTTP, SSDP, UPnP SOAP, Dahua DHGET/DHPOST); the summary, or null if unparsable. */
    static String http(Verdict v, RedactedPayload p, Map<String, String> d) {
        HttpRequestHead head = new HttpRequestHead();
        if (head.wrap(p.view(), 0, p.length()) != null) {
            return null;
        }
        String method = value(p, head.methodOffset(), head.methodLength());
        String target = value(p, head.targetOffset(), head.targetLength());
        d.put("method", method);
        d.put("target", target);
        String host = header(p, head, "Host");
        if (host != null) {
            d.put("host", host);
        }
        switch (v) {
            case SSDP, SSDP_IGD_SEARCH: {
                String st = header(p, head, "ST");
                String nt = header(p, head, "NT");
                putIfPresent(d, "st", st);
                putIfPresent(d, "nt", nt);
                String what = st != null ? st : nt;
                return "SSDP " + method + (what == null ? "" : " for " + what);
            }
            case UPNP_ADD_PORT_MAPPING: {
                putIfPresent(d, "soap_action", header(p, head, "SOAPAction"));
                int from = head.bodyOffset();
                for (String argument : UPNP_ARGUMENTS) {
                    putIfPresent(d, argument, element(p, from, p.length(), argument));
                }
                String port = d.get("NewExternalPort");
                String client = d.get("NewInternalClient");
                return "UPnP AddPortMapping" + (port == null ? "" : " of external port " + port)
                        + (client == null ? "" : " to " + client);
            }
            case DAHUA_P2P_REQUEST:
                return "Dahua P2P " + method + " " + target;
            default:
                return "HTTP " + method + " " + target + (host == null ? "" : " (Host " + host + ")");
        }
    }

    /** SIP requests and responses; the summary, or null if unparsable. */
    static String sip(RedactedPayload p, Map<String, String> d) {
        SipMessage sip = new SipMessage();
        if (sip.wrap(p.view(), 0, p.length()) != null) {
            return null;
        }
        String deviceId = sip.gb28181DeviceId();
        if (sip.isRequest()) {
            d.put("method", clean(sip.method()));
            d.put("request_uri", value(p, sip.requestUriOffset(), sip.requestUriLength()));
        } else {
            d.put("status", Integer.toString(sip.statusCode()));
        }
        putIfPresent(d, "from_user", clean(sip.fromUser()));
        putIfPresent(d, "to_user", clean(sip.toUser()));
        putIfPresent(d, "device_id", deviceId);
        String what = sip.isRequest() ? "SIP " + d.get("method") : "SIP response " + sip.statusCode();
        return deviceId == null ? what + (sip.isRequest() ? " " + d.get("request_uri") : "")
                : what + " (GB/T 28181 device " + deviceId + ")";
    }

    /** SADP and ONVIF XML: root element, Types and the serial number a ProbeMatch announces. */
    static String xml(Verdict v, RedactedPayload p, Map<String, String> d) {
        String types = element(p, 0, p.length(), "Types");
        putIfPresent(d, "types", types);
        if (v == Verdict.ONVIF_DISCOVERY) {
            return "ONVIF WS-Discovery" + (element(p, 0, p.length(), "Probe") != null ? " Probe" : "")
                    + (types == null ? "" : " for " + types);
        }
        String root = rootElement(p);
        putIfPresent(d, "root", root);
        putIfPresent(d, "device_sn", element(p, 0, p.length(), "DeviceSN"));
        return "Hikvision SADP " + (root == null ? "message" : root) + (types == null ? "" : " (" + types + ")");
    }

    /** The JSON-RPC "method" of a Dahua DHIP body, or null. */
    static String jsonMethod(RedactedPayload p, int from) {
        ByteBuf b = p.view();
        int key = Ascii.indexOfIgnoreCase(b, from, p.length(), Ascii.bytes("\"method\""));
        if (key < 0) {
            return null;
        }
        int q = Ascii.skipWhitespace(b, key + 8, p.length());
        if (q >= p.length() || b.getByte(q) != ':') {
            return null;
        }
        q = Ascii.skipWhitespace(b, q + 1, p.length());
        if (q >= p.length() || b.getByte(q) != '"') {
            return null;
        }
        int close = b.indexOf(q + 1, p.length(), (byte) '"');
        return close < 0 ? null : value(p, q + 1, close - q - 1);
    }

    /** Text of the first element named {@code name} (any namespace prefix) in {@code [from, to)}, or null. */
    static String element(RedactedPayload p, int from, int to, String name) {
        ByteBuf b = p.view();
        byte[] lower = Ascii.bytes(name.toLowerCase(java.util.Locale.ROOT));
        int at = from;
        while (at < to) {
            int k = Ascii.indexOfIgnoreCase(b, at, to, lower);
            if (k < 0) {
                return null;
            }
            at = k + lower.length;
            int before = k > 0 ? b.getByte(k - 1) : 0;
            int after = at < to ? b.getByte(at) : 0;
            if ((before == '<' || before == ':') && (after == '>' || after == ' ') && !closingTag(b, k)) {
                int open = b.indexOf(at, to, (byte) '>');
                int close = open < 0 ? -1 : b.indexOf(open + 1, to, (byte) '<');
                return close < 0 ? null : value(p, open + 1, close - open - 1);
            }
        }
        return null;
    }

    private static boolean closingTag(ByteBuf b, int k) {
        int i = k - 1;
        while (i > 0 && b.getByte(i) != '<' && b.getByte(i) != '/' && b.getByte(i) > ' ') {
            i--;
        }
        return i >= 0 && b.getByte(i) == '/';
    }

    private static String rootElement(RedactedPayload p) {
        ByteBuf b = p.view();
        int lt = -1;
        for (int i = 0; i + 1 < p.length(); i++) {
            int next = b.getByte(i + 1);
            if (b.getByte(i) == '<' && next != '?' && next != '!' && next != '/') {
                lt = i;
                break;
            }
        }
        if (lt < 0) {
            return null;
        }
        int end = lt + 1;
        while (end < p.length() && b.getUnsignedByte(end) > ' ' && b.getByte(end) != '>' && b.getByte(end) != '/') {
            end++;
        }
        return end == lt + 1 ? null : value(p, lt + 1, end - lt - 1);
    }

    private static String header(RedactedPayload p, HttpRequestHead head, String name) {
        int i = head.indexOf(name);
        return i < 0 ? null : value(p, head.valueOffset(i), head.valueLength(i));
    }

    /** Report text of {@code length} bytes at {@code offset} of the payload. */
    static String value(RedactedPayload p, int offset, int length) {
        return p.text(offset, offset + length, MAX_VALUE_CHARS);
    }

    /** Strips control characters and bounds a string taken from the network (already redacted by its source). */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_VALUE_CHARS));
        for (int i = 0; i < s.length() && sb.length() < MAX_VALUE_CHARS; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static void putIfPresent(Map<String, String> d, String key, String value) {
        if (value != null && !value.isEmpty()) {
            d.put(key, value);
        }
    }
}
