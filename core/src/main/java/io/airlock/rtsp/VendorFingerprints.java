package io.airlock.rtsp;

import io.airlock.container.imkh.MediaInfoHeader;
import io.airlock.sdp.MediaDescription;
import io.airlock.sdp.SdpAttribute;
import io.airlock.sdp.SessionDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vendor fingerprints from RTSP headers and SDP (threat-signatures §2.8). Hints, not proof: OEMs share firmware and
 * clones copy the Hikvision IMKH header. Evidence never contains credentials or nonces and is capped in length.
 */
public final class VendorFingerprints {

    public static final int MAX_EVIDENCE_LENGTH = 160;
    public static final int MAX_FINGERPRINTS = 32;

    private static final String DAHUA = "Dahua";
    private static final String HIKVISION = "Hikvision";
    private static final String XIONGMAI = "XiongMai";
    private static final String GW = "GW Security OEM";
    private static final String LONGSE = "Longse";
    private static final String IMKH = "IMKH";
    private static final String MEDIAINFO = "MEDIAINFO=";

    private VendorFingerprints() {
    }

    /** Fingerprints carried by {@code msg} (may be null) and its SDP (may be null). */
    public static List<VendorFingerprint> of(final RtspMessage msg, final SessionDescription sdpOrNull) {
        final List<VendorFingerprint> out = new ArrayList<>(4);
        if (msg != null && msg.buffer() != null) {
            fromHeaders(msg, out);
        }
        if (sdpOrNull != null) {
            fromSdp(sdpOrNull, out);
        }
        return out;
    }

    private static void fromHeaders(final RtspMessage msg, final List<VendorFingerprint> out) {
        final String server = msg.header("Server");
        boolean xiongMai = msg.header("x-Accept-Retransmit") != null;
        if (server != null) {
            final String s = server.toLowerCase(Locale.ROOT);
            if (s.startsWith("rtsp server/3.0")) {
                add(out, DAHUA, "Server header", "Server: " + server);
            } else if (s.startsWith("rtsp server/2.0")) {
                add(out, GW, "Server header", "Server: " + server);
            } else if (s.contains("h264dvr")) {
                xiongMai = true;
                add(out, XIONGMAI, "Server header", "Server: " + server);
            } else if (s.matches("rtsp server \\d+\\*\\d+.*")) {
                add(out, LONGSE, "Server header", "Server: " + server);
            } else if (s.contains("hik media server") || s.contains("hikvision") || s.contains("dnvrs-webs")
                    || s.contains("dvrdvs-webs")) {
                add(out, HIKVISION, "Server header", "Server: " + server);
            }
        }
        if (msg.header("x-Accept-Retransmit") != null) {
            add(out, XIONGMAI, "x-Accept-Retransmit header", "x-Accept-Retransmit: "
                    + msg.header("x-Accept-Retransmit"));
        }
        final String dynamicRate = msg.header("x-Accept-Dynamic-Rate");
        if (dynamicRate != null) {
            add(out, xiongMai ? XIONGMAI : DAHUA, "x-Accept-Dynamic-Rate header", "x-Accept-Dynamic-Rate: " + dynamicRate);
        }
        final List<String> challenges = msg.headers("WWW-Authenticate");
        final AuthenticateHeader auth = new AuthenticateHeader();
        for (int h = 0; h < challenges.size() && h < AuthenticateHeader.MAX_CHALLENGES; h++) {
            if (auth.parse(challenges.get(h)) != null) {
                continue;
            }
            for (int i = 0; i < auth.challengeCount(); i++) {
                final String realm = auth.realm(i);
                if (realm == null) {
                    continue;
                }
                if (realm.startsWith("Login to ")) {
                    add(out, DAHUA, "Digest realm", "realm=\"" + realm + "\"");
                } else if (realm.equals("Surveillance Server")) {
                    add(out, LONGSE, "Digest realm", "realm=\"" + realm + "\"");
                }
            }
        }
    }

    private static void fromSdp(final SessionDescription sdp, final List<VendorFingerprint> out) {
        final String name = sdp.sessionName() == null ? "" : sdp.sessionName();
        if (name.equals("Media Server")) {
            add(out, DAHUA, "sdp s=", "s=" + name);
        } else if (name.equals("Media Presentation")) {
            final String app = anyLevel(sdp, "appversion");
            add(out, HIKVISION, "sdp s=", "s=" + name + (app != null ? " a=appversion:" + app : ""));
        } else if (name.startsWith("HIK Media Server")) {
            add(out, HIKVISION + " NVR", "sdp s=", "s=" + name);
        } else if (name.equals("Session streamed by \"H264Server\"")) {
            add(out, GW, "sdp s=", "s=" + name);
        } else if (name.equals("RTSP Session")) {
            add(out, XIONGMAI, "sdp s=", "s=" + name);
        }
        checkAttributes(sdp.attributes(), out);
        final List<MediaDescription> media = sdp.media();
        for (int i = 0; i < media.size(); i++) {
            final MediaDescription m = media.get(i);
            checkAttributes(m.attributes(), out);
            final String enc = m.encodingName();
            if (enc != null && enc.equalsIgnoreCase("vnd.onvif.metadata")) {
                add(out, "ONVIF metadata", "sdp m=" + m.type(), "metadata track "
                        + (m.control() != null ? m.control() : "#" + i) + " rtpmap " + m.rtpmap());
            }
        }
    }

    /** Hikvision puts a=appversion after the last media section, so look at every level. */
    private static String anyLevel(final SessionDescription sdp, final String name) {
        final String v = sdp.attribute(name);
        if (v != null) {
            return v;
        }
        for (int i = 0; i < sdp.media().size(); i++) {
            final String m = sdp.media().get(i).attribute(name);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static void checkAttributes(final List<SdpAttribute> attributes, final List<VendorFingerprint> out) {
        for (int i = 0; i < attributes.size(); i++) {
            final SdpAttribute a = attributes.get(i);
            final String n = a.name();
            final String v = a.value() == null ? "" : a.value();
            if (n.equalsIgnoreCase("packetization-supported") && v.equals("DH")) {
                add(out, DAHUA, "sdp a=packetization-supported", "a=packetization-supported:DH");
            } else if (n.equalsIgnoreCase("rtppayload-supported") && v.equals("DH")) {
                add(out, DAHUA, "sdp a=rtppayload-supported", "a=rtppayload-supported:DH");
            } else if (n.equalsIgnoreCase("x-summary") && v.equals("Oversea")) {
                add(out, DAHUA, "sdp a=x-summary", "a=x-summary:Oversea");
            } else if (n.equalsIgnoreCase("tool")) {
                final String u = v.toUpperCase(Locale.ROOT);
                if (u.contains("ANJVISION")) {
                    add(out, "Anjvision", "sdp a=tool", "a=tool:" + v);
                } else if (u.contains("LIVE555")) {
                    add(out, "LIVE555", "sdp a=tool", "a=tool:" + v);
                }
            } else if (n.equalsIgnoreCase("Media_header") && v.regionMatches(true, 0, MEDIAINFO, 0, MEDIAINFO.length())) {
                final MediaInfoHeader h = MediaInfoHeader.fromHex(v.substring(MEDIAINFO.length()));
                add(out, IMKH, "sdp a=Media_header", (h == null ? "undecodable MEDIAINFO" : h.describe())
                        + " (Hikvision HIK_MEDIAINFO; clones copy it)");
            }
        }
    }

    private static void add(final List<VendorFingerprint> out, final String vendor, final String source,
                            final String evidence) {
        if (out.size() >= MAX_FINGERPRINTS) {
            return;
        }
        final String e = evidence.length() > MAX_EVIDENCE_LENGTH ? evidence.substring(0, MAX_EVIDENCE_LENGTH) + "…"
                : evidence;
        for (int i = 0; i < out.size(); i++) {
            final VendorFingerprint f = out.get(i);
            if (f.vendor().equals(vendor) && f.source().equals(source) && f.evidence().equals(e)) {
                return;
            }
        }
        out.add(new VendorFingerprint(vendor, source, e));
    }
}
