package io.airlock.rtsp;

import java.util.Locale;

/** One transport-spec of a {@link TransportHeader}; reused across parses. */
final class TransportSpec {

    private static final int MAX_PORT = 65535;
    private static final int MAX_CHANNEL = 255;
    private static final int MAX_TTL = 255;
    private static final int MAX_SSRC_DIGITS = 8;

    String profile;
    boolean tcp;
    boolean multicast;
    boolean unicast;
    String destination;
    String source;
    String mode;
    int clientPortLow;
    int clientPortHigh;
    int serverPortLow;
    int serverPortHigh;
    int portLow;
    int portHigh;
    int interleavedLow;
    int interleavedHigh;
    int ttl;
    long ssrc;

    void clear() {
        profile = null;
        tcp = false;
        multicast = false;
        unicast = false;
        destination = null;
        source = null;
        mode = null;
        clientPortLow = -1;
        clientPortHigh = -1;
        serverPortLow = -1;
        serverPortHigh = -1;
        portLow = -1;
        portHigh = -1;
        interleavedLow = -1;
        interleavedHigh = -1;
        ttl = -1;
        ssrc = -1;
    }

    /** False when the spec is malformed. */
    boolean parse(final String spec) {
        clear();
        int start = 0;
        int index = 0;
        while (start <= spec.length()) {
            int semi = spec.indexOf(';', start);
            if (semi < 0) {
                semi = spec.length();
            }
            final String part = spec.substring(start, semi).trim();
            start = semi + 1;
            if (index == 0) {
                if (!parseProfile(part)) {
                    return false;
                }
            } else if (index > TransportHeader.MAX_PARAMETERS) {
                return false;
            } else if (!part.isEmpty() && !parseParameter(part)) {
                return false;
            }
            index++;
        }
        return true;
    }

    private boolean parseProfile(final String part) {
        if (part.isEmpty() || part.indexOf('/') <= 0) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            final char c = part.charAt(i);
            if (c != '/' && !RtspSyntax.isTokenChar(c)) {
                return false;
            }
        }
        profile = part.toUpperCase(Locale.ROOT);
        tcp = profile.endsWith("/TCP");
        return true;
    }

    private boolean parseParameter(final String part) {
        final int eq = part.indexOf('=');
        final String name = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        final String value = eq < 0 ? null : part.substring(eq + 1).trim();
        switch (name) {
            case "unicast":
                unicast = true;
                return true;
            case "multicast":
                multicast = true;
                return true;
            case "destination":
                destination = value == null ? "" : unquote(value);
                return true;
            case "source":
                source = value == null ? "" : unquote(value);
                return true;
            case "mode":
                mode = value == null ? null : unquote(value);
                return value != null;
            case "ttl":
                ttl = parseInt(value, MAX_TTL);
                return ttl >= 0;
            case "ssrc":
                ssrc = parseSsrc(value);
                return ssrc >= 0;
            case "interleaved":
                return parseRange(value, MAX_CHANNEL, Range.INTERLEAVED);
            case "client_port":
                return parseRange(value, MAX_PORT, Range.CLIENT);
            case "server_port":
                return parseRange(value, MAX_PORT, Range.SERVER);
            case "port":
                return parseRange(value, MAX_PORT, Range.PORT);
            default:
                // RFC 2326 §12.39: unknown parameters (append, layers, vendor extensions) are ignored.
                return true;
        }
    }

    private enum Range { INTERLEAVED, CLIENT, SERVER, PORT }

    private boolean parseRange(final String value, final int max, final Range which) {
        if (value == null) {
            return false;
        }
        final int dash = value.indexOf('-');
        final int low = parseInt(dash < 0 ? value : value.substring(0, dash), max);
        final int high = dash < 0 ? low : parseInt(value.substring(dash + 1), max);
        if (low < 0 || high < 0) {
            return false;
        }
        switch (which) {
            case INTERLEAVED:
                interleavedLow = low;
                interleavedHigh = high;
                break;
            case CLIENT:
                clientPortLow = low;
                clientPortHigh = high;
                break;
            case SERVER:
                serverPortLow = low;
                serverPortHigh = high;
                break;
            default:
                portLow = low;
                portHigh = high;
                break;
        }
        return true;
    }

    private static int parseInt(final String value, final int max) {
        if (value == null) {
            return -1;
        }
        final String v = value.trim();
        if (v.isEmpty() || v.length() > 5) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            final char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }

    /** RFC 2326: 8*HEX; Hikvision sends a leading space and drops leading zeros, so 1 to 8 digits are accepted. */
    private static long parseSsrc(final String value) {
        if (value == null) {
            return -1;
        }
        final String v = unquote(value.trim());
        if (v.isEmpty() || v.length() > MAX_SSRC_DIGITS) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            final int d = Character.digit(v.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            n = (n << 4) | d;
        }
        return n;
    }

    private static String unquote(final String v) {
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            return v.substring(1, v.length() - 1).trim();
        }
        return v;
    }
}
