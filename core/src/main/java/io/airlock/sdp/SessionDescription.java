package io.airlock.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tolerant parser for an SDP session description (RFC 8866 §5) as sent by cameras in DESCRIBE responses.
 *
 * <pre>
 * v=0                                   session: v o s i u e p c b t r z k a
 * o=- 1620251477190769 1 IN IP4 a.b.c.d
 * s=Media Presentation
 * a=control:*
 * m=video 0 RTP/AVP 96                  media:   m i c b k a
 * a=rtpmap:96 H264/90000
 * </pre>
 *
 * <p>Always returns an object: bad lines are skipped or kept and reported in {@link #problems()}. Accepts LF or CRLF,
 * attributes without values, padded values ({@code a=x-dimensions: 1280, 720}) and unknown line types. Bounded: 64 KiB
 * of text, 8 KiB per line, 4096 lines, 64 media sections, 64 problems.
 */
public final class SessionDescription {

    public static final int MAX_TEXT_LENGTH = 64 * 1024;
    public static final int MAX_LINE_LENGTH = 8 * 1024;
    public static final int MAX_LINES = 4096;
    public static final int MAX_MEDIA = 64;
    public static final int MAX_PROBLEMS = 64;
    public static final int MAX_FORMATS = 64;

    private final List<SdpAttribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private final List<SdpProblem> problems = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private String version;
    private String origin;
    private String sessionName;
    private String information;
    private String connection;

    private SessionDescription() {
    }

    /** Parses {@code text}; never throws, never returns null. */
    public static SessionDescription parse(final CharSequence text) {
        final SessionDescription sd = new SessionDescription();
        if (text == null || text.length() == 0) {
            sd.problem(SdpRejection.EMPTY, 0);
            return sd;
        }
        int len = text.length();
        if (len > MAX_TEXT_LENGTH) {
            sd.problem(SdpRejection.TOO_LONG, 0);
            len = MAX_TEXT_LENGTH;
        }
        final String s = text.subSequence(0, len).toString();
        int start = 0;
        int lineNo = 0;
        MediaDescription current = null;
        boolean skipMedia = false;
        while (start < len) {
            int lf = s.indexOf('\n', start);
            if (lf < 0) {
                lf = len;
            }
            lineNo++;
            if (lineNo > MAX_LINES) {
                sd.problem(SdpRejection.TOO_MANY_LINES, lineNo);
                break;
            }
            int end = lf;
            if (end > start && s.charAt(end - 1) == '\r') {
                end--;
            }
            final int lineStart = start;
            start = lf + 1;
            if (end - lineStart > MAX_LINE_LENGTH) {
                sd.problem(SdpRejection.LINE_TOO_LONG, lineNo);
                continue;
            }
            final String line = s.substring(lineStart, end).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || !isLetter(line.charAt(0))) {
                sd.problem(SdpRejection.BAD_LINE, lineNo);
                continue;
            }
            final char type = line.charAt(0);
            final String value = line.substring(2).trim();
            if (type == 'm') {
                if (sd.media.size() == MAX_MEDIA) {
                    if (!skipMedia) {
                        sd.problem(SdpRejection.TOO_MANY_MEDIA, lineNo);
                    }
                    skipMedia = true;
                    current = null;
                    continue;
                }
                finishMedia(sd, current, lineNo);
                current = parseMediaLine(sd, value);
                if (current == null) {
                    sd.problem(SdpRejection.BAD_MEDIA_LINE, lineNo);
                    skipMedia = true;
                } else {
                    skipMedia = false;
                    sd.media.add(current);
                }
                continue;
            }
            if (skipMedia) {
                continue;
            }
            if (current != null) {
                sd.mediaLine(current, type, value, line, lineNo);
            } else {
                sd.sessionLine(type, value, line, lineNo);
            }
        }
        finishMedia(sd, current, lineNo);
        if (!"0".equals(sd.version)) {
            sd.problem(SdpRejection.BAD_VERSION, 0);
        }
        return sd;
    }

    private void sessionLine(final char type, final String value, final String line, final int lineNo) {
        switch (type) {
            case 'v' -> version = value;
            case 'o' -> origin = value;
            case 's' -> sessionName = value;
            case 'i' -> information = value;
            case 'c' -> connection = value;
            case 'a' -> attributes.add(toAttribute(value));
            case 'u', 'e', 'p', 'b', 't', 'r', 'z', 'k' -> otherLines.add(line);
            default -> {
                otherLines.add(line);
                problem(SdpRejection.UNKNOWN_LINE_TYPE, lineNo);
            }
        }
    }

    private void mediaLine(final MediaDescription m, final char type, final String value, final String line,
                           final int lineNo) {
        switch (type) {
            case 'a' -> {
                final SdpAttribute a = toAttribute(value);
                if (a.name().equalsIgnoreCase("rtpmap") && (a.value() == null || a.value().indexOf('/') < 0)) {
                    problem(SdpRejection.BAD_RTPMAP, lineNo);
                }
                m.addAttribute(a);
            }
            case 'c' -> m.connection(value);
            case 'i', 'b', 'k' -> m.addOtherLine(line);
            default -> {
                m.addOtherLine(line);
                problem(SdpRejection.UNKNOWN_LINE_TYPE, lineNo);
            }
        }
    }

    private static void finishMedia(final SessionDescription sd, final MediaDescription m, final int lineNo) {
        if (m != null && !m.decodeParameterSets()) {
            sd.problem(SdpRejection.BAD_BASE64, lineNo);
        }
    }

    private static MediaDescription parseMediaLine(final SessionDescription sd, final String value) {
        final String[] parts = value.split("[ \t]+", MAX_FORMATS + 3);
        if (parts.length < 4) {
            return null;
        }
        String portText = parts[1];
        final int slash = portText.indexOf('/');
        if (slash >= 0) {
            portText = portText.substring(0, slash);
        }
        if (portText.isEmpty() || portText.length() > 5) {
            return null;
        }
        int port = 0;
        for (int i = 0; i < portText.length(); i++) {
            final char c = portText.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            port = port * 10 + (c - '0');
        }
        if (port > 65535) {
            return null;
        }
        final List<String> formats = new ArrayList<>(parts.length - 3);
        for (int i = 3; i < parts.length && formats.size() < MAX_FORMATS; i++) {
            formats.add(parts[i]);
        }
        return new MediaDescription(sd, parts[0], port, parts[2], formats);
    }

    private static SdpAttribute toAttribute(final String value) {
        final int colon = value.indexOf(':');
        if (colon < 0) {
            return new SdpAttribute(value.trim(), null);
        }
        return new SdpAttribute(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
    }

    private void problem(final SdpRejection reason, final int line) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new SdpProblem(reason, line));
        }
    }

    private static boolean isLetter(final char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The v= value ("0"), null when absent. */
    public String version() {
        return version;
    }

    /** The o= line value, null when absent. */
    public String origin() {
        return origin;
    }

    /** The s= value, null when absent. */
    public String sessionName() {
        return sessionName;
    }

    /** The session-level i= value, null when absent. */
    public String information() {
        return information;
    }

    /** The session-level c= value, null when absent. */
    public String connection() {
        return connection;
    }

    /** Session-level attributes in order. */
    public List<SdpAttribute> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    /** First value of session attribute {@code name}; "" for a property attribute; null when absent. */
    public String attribute(final String name) {
        final String v = SdpLines.first(attributes, name);
        if (v != null) {
            return v;
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equalsIgnoreCase(name)) {
                return "";
            }
        }
        return null;
    }

    /** Session-level a=control, null when absent. */
    public String control() {
        return attribute("control");
    }

    public List<MediaDescription> media() {
        return Collections.unmodifiableList(media);
    }

    /** Session-level lines kept verbatim (t=, b=, e=, u=, unknown types ...). */
    public List<String> otherLines() {
        return Collections.unmodifiableList(otherLines);
    }

    public List<SdpProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Whether any problem was found. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** See {@link ControlUrls#resolve}. */
    public static String resolveControl(final String contentBaseOrRequestUrl, final String sessionControl,
                                        final String mediaControl) {
        return ControlUrls.resolve(contentBaseOrRequestUrl, sessionControl, mediaControl);
    }

    /** Comma-separated base64 (sprop-parameter-sets etc.) decoded; empty when null or bad. */
    public static List<byte[]> decodeParameterSets(final String value) {
        final List<byte[]> out = SdpLines.decodeBase64List(value);
        return out == null ? List.of() : out;
    }
}
