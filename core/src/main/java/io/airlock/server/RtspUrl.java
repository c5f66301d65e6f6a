package io.airlock.server;

/** Pieces of an RTSP request URI (RFC 2326 §3.2) the server needs; tolerant, bounded, never throws. */
final class RtspUrl {

    private RtspUrl() {
    }

    /** The absolute path without query: {@code rtsp://h:1/a/b?x} gives {@code /a/b}; "*" and junk give "". */
    static String path(final String uri) {
        String s = uri;
        final int scheme = s.indexOf("://");
        if (scheme > 0 && scheme < 16) {
            final int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        if (!s.startsWith("/")) {
            return "";
        }
        final int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The URI without query and trailing slashes: the base URL of a presentation. */
    static String base(final String uri) {
        String s = uri;
        final int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
