package io.airlock.sdp;

/**
 * RFC 2326 §C.1.1 control URL resolution, with the joins real cameras expect.
 *
 * <ul>
 *   <li>an absolute control URL ({@code scheme://...}) is used as is;</li>
 *   <li>{@code *} (or no control) means the base itself (the session control when media has none);</li>
 *   <li>a relative control is appended to the base with exactly one '/' between them. This is what FFmpeg and
 *       LIVE555 clients send and what Dahua expects for {@code Content-Base: .../realmonitor?channel=1&subtype=2/};
 *       an RFC 3986 join would drop the query or the last path segment;</li>
 *   <li>a control starting with '/' replaces the base's path;</li>
 *   <li>a base without a scheme (Anjvision's {@code 192.168.1.10:554/stream0/}) is taken as {@code rtsp://}.</li>
 * </ul>
 */
final class ControlUrls {

    private static final String DEFAULT_SCHEME = "rtsp://";

    private ControlUrls() {
    }

    static String resolve(final String base, final String sessionControl, final String mediaControl) {
        final String normalizedBase = normalizeBase(base);
        final String session = blankToNull(sessionControl);
        final String mediaLevel = blankToNull(mediaControl);
        String sessionUrl = normalizedBase;
        if (session != null && !"*".equals(session)) {
            sessionUrl = join(normalizedBase, session);
        }
        if (mediaLevel == null) {
            return sessionUrl;
        }
        if ("*".equals(mediaLevel)) {
            return normalizedBase != null ? normalizedBase : sessionUrl;
        }
        // Relative media controls are relative to Content-Base; only without one fall back to an absolute session URL.
        return join(normalizedBase != null ? normalizedBase : sessionUrl, mediaLevel);
    }

    static boolean isAbsolute(final String url) {
        final int sep = url.indexOf("://");
        if (sep <= 0) {
            return false;
        }
        for (int i = 0; i < sep; i++) {
            final char c = url.charAt(i);
            final boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (i > 0 && (c >= '0' && c <= '9'
                    || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String join(final String base, final String control) {
        if (isAbsolute(control)) {
            return control;
        }
        if (base == null) {
            return control;
        }
        if (control.startsWith("/")) {
            final int sep = base.indexOf("://");
            final int pathStart = base.indexOf('/', sep + 3);
            return (pathStart < 0 ? base : base.substring(0, pathStart)) + control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    private static String normalizeBase(final String base) {
        final String b = blankToNull(base);
        if (b == null) {
            return null;
        }
        return isAbsolute(b) ? b : DEFAULT_SCHEME + b;
    }

    private static String blankToNull(final String s) {
        if (s == null) {
            return null;
        }
        final String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
