package io.airlock.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One media section of an SDP (RFC 8866 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt> ...} and the
 * {@code c=}, {@code b=} and {@code a=} lines that follow it. Built by {@link SessionDescription#parse}.
 */
public final class MediaDescription {

    private final String type;
    private final int port;
    private final String protocol;
    private final List<String> formats;
    private final List<SdpAttribute> attributes = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private final SessionDescription session;
    private String connection;
    private List<byte[]> spropParameterSets = List.of();
    private List<byte[]> spropVps = List.of();
    private List<byte[]> spropSps = List.of();
    private List<byte[]> spropPps = List.of();

    MediaDescription(final SessionDescription session, final String type, final int port, final String protocol,
                     final List<String> formats) {
        this.session = session;
        this.type = type;
        this.port = port;
        this.protocol = protocol;
        this.formats = Collections.unmodifiableList(formats);
    }

    void addAttribute(final SdpAttribute attribute) {
        attributes.add(attribute);
    }

    void addOtherLine(final String line) {
        otherLines.add(line);
    }

    void connection(final String value) {
        connection = value;
    }

    /** Decodes the sprop parameters once the section is complete; false when any of them was bad base64. */
    boolean decodeParameterSets() {
        boolean ok = true;
        final String[] names = {"sprop-parameter-sets", "sprop-vps", "sprop-sps", "sprop-pps"};
        for (int i = 0; i < names.length; i++) {
            final List<byte[]> decoded = SdpLines.decodeBase64List(fmtpParameter(names[i]));
            if (decoded == null) {
                ok = false;
            }
            final List<byte[]> value = decoded == null ? List.of() : Collections.unmodifiableList(decoded);
            switch (i) {
                case 0 -> spropParameterSets = value;
                case 1 -> spropVps = value;
                case 2 -> spropSps = value;
                default -> spropPps = value;
            }
        }
        return ok;
    }

    /** "video", "audio", "application" (or whatever the camera wrote, e.g. "application/TP-LINK"). */
    public String type() {
        return type;
    }

    public int port() {
        return port;
    }

    public String protocol() {
        return protocol;
    }

    public List<String> formats() {
        return formats;
    }

    /** The first format as an RTP payload type, or -1 when it is not a number 0-127. */
    public int payloadType() {
        if (formats.isEmpty()) {
            return -1;
        }
        final String f = formats.get(0);
        if (f.isEmpty() || f.length() > 3) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < f.length(); i++) {
            final char c = f.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 127 ? v : -1;
    }

    /** The rtpmap value for the first payload type ("H264/90000"), null when absent. */
    public String rtpmap() {
        return formatAttribute("rtpmap");
    }

    /** Encoding name from rtpmap (e.g. H264, H265, PCMA, vnd.onvif.metadata), or the RFC 3551 static name. */
    public String encodingName() {
        final String map = rtpmap();
        if (map != null) {
            final int slash = map.indexOf('/');
            return (slash < 0 ? map : map.substring(0, slash)).trim();
        }
        return StaticPayloadTypes.encodingName(payloadType());
    }

    /** Clock rate from rtpmap or the RFC 3551 static table, -1 when unknown. */
    public long clockRate() {
        final String map = rtpmap();
        if (map == null) {
            return StaticPayloadTypes.clockRate(payloadType());
        }
        final int slash = map.indexOf('/');
        if (slash < 0) {
            return -1;
        }
        int end = map.indexOf('/', slash + 1);
        end = end < 0 ? map.length() : end;
        final String rate = map.substring(slash + 1, end).trim();
        if (rate.isEmpty() || rate.length() > 9) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < rate.length(); i++) {
            final char c = rate.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Encoding parameters after the clock rate (audio channel count), null when absent. */
    public String encodingParameters() {
        final String map = rtpmap();
        if (map == null) {
            return null;
        }
        final int first = map.indexOf('/');
        final int second = first < 0 ? -1 : map.indexOf('/', first + 1);
        return second < 0 ? null : map.substring(second + 1).trim();
    }

    /** The fmtp parameters for the first payload type, null when absent. */
    public String fmtp() {
        return formatAttribute("fmtp");
    }

    /** One fmtp parameter (name case-insensitive, spaces after ';' tolerated), null when absent. */
    public String fmtpParameter(final String name) {
        final String f = fmtp();
        if (f == null) {
            return null;
        }
        int start = 0;
        while (start < f.length()) {
            int semi = f.indexOf(';', start);
            if (semi < 0) {
                semi = f.length();
            }
            final String part = f.substring(start, semi).trim();
            start = semi + 1;
            final int eq = part.indexOf('=');
            final String key = (eq < 0 ? part : part.substring(0, eq)).trim();
            if (key.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : part.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /** The media-level a=control value, null when absent. */
    public String control() {
        return attribute("control");
    }

    /** sendrecv, sendonly, recvonly or inactive: the media's own, else the session's, else sendrecv (RFC 8866 §6.7). */
    public String direction() {
        final String own = directionOf(attributes);
        if (own != null) {
            return own;
        }
        final String sessionLevel = directionOf(session.attributes());
        return sessionLevel != null ? sessionLevel : "sendrecv";
    }

    /** The c= line of this section, or the session's. */
    public String connection() {
        return connection != null ? connection : session.connection();
    }

    /** First value of the media-level attribute {@code name}; "" for a property attribute; null when absent. */
    public String attribute(final String name) {
        final String v = SdpLines.first(attributes, name);
        if (v == null) {
            return hasAttribute(name) ? "" : null;
        }
        return v;
    }

    public boolean hasAttribute(final String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    public List<SdpAttribute> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    /** Lines of unknown type kept verbatim. */
    public List<String> otherLines() {
        return Collections.unmodifiableList(otherLines);
    }

    /** RFC 6184 sprop-parameter-sets decoded (SPS, PPS ...); empty when absent or bad. */
    public List<byte[]> spropParameterSets() {
        return spropParameterSets;
    }

    /** RFC 7798 sprop-vps decoded; empty when absent or bad. */
    public List<byte[]> spropVps() {
        return spropVps;
    }

    public List<byte[]> spropSps() {
        return spropSps;
    }

    public List<byte[]> spropPps() {
        return spropPps;
    }

    /** Value of {@code a=<name>:<pt> <value>} for the first payload type (falls back to the first such line). */
    private String formatAttribute(final String name) {
        final String pt = formats.isEmpty() ? null : formats.get(0);
        String fallback = null;
        for (int i = 0; i < attributes.size(); i++) {
            final SdpAttribute a = attributes.get(i);
            if (!a.name().equalsIgnoreCase(name) || a.value() == null) {
                continue;
            }
            final String v = a.value();
            int sp = 0;
            while (sp < v.length() && v.charAt(sp) != ' ' && v.charAt(sp) != '\t') {
                sp++;
            }
            final String rest = v.substring(sp).trim();
            if (pt != null && v.substring(0, sp).equals(pt)) {
                return rest;
            }
            if (fallback == null) {
                fallback = rest;
            }
        }
        return fallback;
    }

    private static String directionOf(final List<SdpAttribute> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
            final String n = list.get(i).name().toLowerCase(Locale.ROOT);
            if (n.equals("sendrecv") || n.equals("sendonly") || n.equals("recvonly") || n.equals("inactive")) {
                return n;
            }
        }
        return null;
    }
}
