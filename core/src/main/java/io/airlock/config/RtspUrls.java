package io.airlock.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a camera URL: {@code rtsp://host[:port]/path[?query]} (RFC 2326 §3.2) without user info. Problems never
 * quote the URL, which may hold a password the user put there by mistake.
 */
final class RtspUrls {

    static final int MAX_URL_LENGTH = 2048;

    private RtspUrls() {
    }

    /** The parse outcome: a URI, or why it is refused. */
    record Checked(URI uri, String problem) {
    }

    static Checked check(String text) {
        if (text.length() > MAX_URL_LENGTH) {
            return refused("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (Text.hasControl(text) || text.indexOf(' ') >= 0) {
            return refused("the URL holds spaces or control characters");
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0 || !text.substring(0, schemeEnd).toLowerCase(Locale.ROOT).equals("rtsp")) {
            return refused("only rtsp:// URLs are supported, e.g. rtsp://192.0.2.10:554/Streaming/Channels/101");
        }
        int authorityEnd = text.indexOf('/', schemeEnd + 3);
        String authority = text.substring(schemeEnd + 3, authorityEnd < 0 ? text.length() : authorityEnd);
        if (authority.indexOf('@') >= 0) {
            return refused("credentials in the URL are not allowed (URLs get logged);"
                    + " put them in 'username' and 'password'");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return refused("not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null) {
            return refused("the URL has no valid host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return refused("the URL's port must be 1-65535");
        }
        if (uri.getRawFragment() != null) {
            return refused("the URL must not have a #fragment");
        }
        return new Checked(uri, null);
    }

    private static Checked refused(String problem) {
        return new Checked(null, problem);
    }
}
