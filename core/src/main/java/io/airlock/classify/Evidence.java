package io.airlock.classify;

import io.airlock.dns.DnsMessage;
import io.airlock.dns.DnsRecord;
import io.netty.buffer.ByteBuf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns a classified payload into what a finding shows: the protocol's telling fields (TLS SNI; HTTP method, target
 * and Host; SIP method, Request-URI and GB/T 28181 device id; DNS name; STUN type; SSDP ST; UPnP port mapping; SADP
 * root and Types), always {@code matched_hex} of the first 32 bytes, and {@code matched_text} for text payloads.
 * Called once per flow, so it may allocate; credentials are masked before any field is read ({@link
 * RedactedPayload}).
 */
public final class Evidence {

    public static final int MATCHED_HEX_BYTES = 32;
    public static final int MATCHED_TEXT_CHARS = 200;

    private static final String[] STUN_CLASSES = {"request", "indication", "success response", "error response"};
    /** DVRIP login header bytes 8-23: user name and password, only 3DES-encrypted under a published key. */
    private static final int DVRIP_CREDENTIALS_START = 8;
    private static final int DVRIP_CREDENTIALS_END = 24;

    private Evidence() {
    }

    /** Evidence for payload {@code buf[off, off + len)} classified as {@code v}. */
    public static ClassifiedEvidence describe(Verdict v, ByteBuf buf, int off, int len) {
        Verdict verdict = v == null ? Verdict.UNKNOWN : v;
        if (len < 0 || off < 0 || (long) off + len > buf.capacity()) {
            return new ClassifiedEvidence(verdict.label(), Map.of());
        }
        RedactedPayload p = new RedactedPayload(buf, off, len);
        if (verdict == Verdict.DAHUA_DVRIP && p.length() >= 32 && (p.view().getUnsignedByte(0) & 0xF0) == 0xA0) {
            p.mask(DVRIP_CREDENTIALS_START, DVRIP_CREDENTIALS_END);
        }
        Map<String, String> d = new LinkedHashMap<>();
        String summary = summary(verdict, p, d);
        d.put("matched_hex", p.hex(MATCHED_HEX_BYTES));
        int textFrom = textOffset(verdict);
        if (p.printable(textFrom)) {
            d.put("matched_text", p.text(textFrom, p.length(), MATCHED_TEXT_CHARS));
        }
        return new ClassifiedEvidence(summary == null ? verdict.label() : summary, d);
    }

    private static String summary(Verdict v, RedactedPayload p, Map<String, String> d) {
        ByteBuf b = p.view();
        int n = p.length();
        switch (v) {
            case TLS_CLIENT_HELLO: {
                String sni = TlsClientHello.serverName(b, 0, n);
                TextEvidence.putIfPresent(d, "sni", sni);
                return "TLS ClientHello" + (sni == null ? " without SNI" : ", SNI " + sni);
            }
            case HTTP_REQUEST, SSDP, SSDP_IGD_SEARCH, UPNP_ADD_PORT_MAPPING, DAHUA_P2P_REQUEST:
                return TextEvidence.http(v, p, d);
            case SIP_REGISTER, SIP_INVITE, SIP_OTHER:
                return TextEvidence.sip(p, d);
            case HIK_SADP, ONVIF_DISCOVERY:
                return p.printable(0) ? TextEvidence.xml(v, p, d) : null;
            case DNS:
                return dns(p, d);
            case STUN:
                return n < 20 ? null : stun(b.getUnsignedShort(0), d);
            case SRT:
                return n < BinarySignatures.SRT_HANDSHAKE_LENGTH ? null : srt(b, d);
            case DAHUA_DHIP, DAHUA_DHIP_DISCOVERY: {
                String method = TextEvidence.jsonMethod(p, BinarySignatures.DAHUA_HEADER_LENGTH);
                TextEvidence.putIfPresent(d, "method", method);
                return method == null ? null : v.label() + " " + method;
            }
            case DAHUA_DVRIP:
                if (n > 0) {
                    d.put("command", "0x" + Integer.toHexString(b.getUnsignedByte(0)));
                }
                return null;
            case XIONGMAI_SOFIA, XIONGMAI_DISCOVERY:
                if (n >= BinarySignatures.SOFIA_HEADER_LENGTH && b.getUnsignedByte(0) == 0xFF) {
                    d.put("message_id", Integer.toString(BinarySignatures.sofiaMessage(b, 0)));
                }
                return null;
            case RTP, RTP_PS:
                if (n >= 12) {
                    d.put("payload_type", Integer.toString(b.getUnsignedByte(1) & 0x7F));
                    d.put("ssrc", String.format("%08x", b.getUnsignedInt(8)));
                }
                return null;
            case RTCP:
                if (n >= 2) {
                    d.put("packet_type", Integer.toString(b.getUnsignedByte(1)));
                }
                return null;
            case NTP:
                if (n > 0) {
                    d.put("version", Integer.toString((b.getUnsignedByte(0) >>> 3) & 7));
                    d.put("mode", Integer.toString(b.getUnsignedByte(0) & 7));
                }
                return null;
            case RTSP: {
                int lf = Ascii.lineEnd(b, 0, n);
                d.put("start_line", TextEvidence.value(p, 0, (lf < 0 ? n : lf)));
                return "RTSP " + d.get("start_line");
            }
            default:
                return null;
        }
    }

    private static String dns(RedactedPayload p, Map<String, String> d) {
        DnsMessage dns = new DnsMessage();
        // DNS over TCP carries a 2-byte length first (RFC 1035 §4.2.2).
        if (dns.wrap(p.view(), 0, p.length()) != null && dns.wrap(p.view(), 2, p.length() - 2) != null) {
            return null;
        }
        StringBuilder name = new StringBuilder(DnsRecord.MAX_NAME_CHARS);
        if (!dns.questionName(0, name)) {
            return null;
        }
        String qname = TextEvidence.clean(name.toString());
        d.put("qname", qname);
        d.put("qtype", Integer.toString(dns.questionType(0)));
        String cloud = VendorClouds.match(name);
        TextEvidence.putIfPresent(d, "vendor_cloud", cloud);
        if (!dns.isResponse()) {
            return "DNS query for " + qname;
        }
        d.put("rcode", Integer.toString(dns.rcode()));
        StringJoiner addresses = new StringJoiner(",");
        DnsRecord record = new DnsRecord();
        for (int i = 0; i < dns.answerCount(); i++) {
            if (dns.answer(i, record) && record.addressLength() > 0) {
                addresses.add(address(record));
            }
        }
        TextEvidence.putIfPresent(d, "answers", addresses.toString());
        return "DNS response for " + qname;
    }

    private static String address(DnsRecord r) {
        byte[] a = r.address();
        if (r.addressLength() == 4) {
            return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        }
        StringJoiner v6 = new StringJoiner(":");
        for (int i = 0; i < 16; i += 2) {
            v6.add(Integer.toHexString(((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF)));
        }
        return v6.toString();
    }

    /** RFC 5389 §6: the class bits C1 (8) and C0 (4) are spread between the method bits. */
    private static String stun(int type, Map<String, String> d) {
        int method = (type & 0x000F) | ((type & 0x00E0) >>> 1) | ((type & 0x3E00) >>> 2);
        int stunClass = ((type & 0x0100) >>> 7) | ((type & 0x0010) >>> 4);
        String name = method == 1 ? "binding" : "method 0x" + Integer.toHexString(method);
        d.put("message_type", String.format("0x%04x", type));
        d.put("stun_method", name);
        d.put("stun_class", STUN_CLASSES[stunClass]);
        return "STUN " + name + " " + STUN_CLASSES[stunClass];
    }

    private static String srt(ByteBuf b, Map<String, String> d) {
        int type = b.getInt(36);
        String name = switch (type) {
            case 1 -> "induction";
            case -1 -> "conclusion";
            case 0 -> "wave-a-hand";
            case -2 -> "agreement";
            default -> "done";
        };
        d.put("handshake_type", name);
        d.put("version", Integer.toString(b.getInt(16)));
        return "SRT " + name + " handshake";
    }

    /** Where the text of a payload starts: after the binary header of the Dahua and XiongMai framings. */
    private static int textOffset(Verdict v) {
        return switch (v) {
            case DAHUA_DHIP, DAHUA_DHIP_DISCOVERY, DAHUA_DVRIP -> BinarySignatures.DAHUA_HEADER_LENGTH;
            case XIONGMAI_SOFIA, XIONGMAI_DISCOVERY -> BinarySignatures.SOFIA_HEADER_LENGTH;
            default -> 0;
        };
    }
}
