package io.airlock.proxy.camera;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides on a camera's 3xx (RFC 2326 §11.3): a Location on the configured host and port is followed (at most
 * {@link #MAX_REDIRECTS} times); one toward any other host is never followed and reported as
 * {@link CameraAnomaly#REDIRECT}, because a camera steering its client elsewhere is a classic exfiltration or
 * man-in-the-middle move.
 */
final class CameraRedirects {

    static final int MAX_REDIRECTS = 3;

    private final CameraEndpoint endpoint;
    private int followed;

    CameraRedirects(final CameraEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The URL to go on with, or null when the redirect is not followed (anomaly already reported if due). */
    String follow(final String location, final CameraSessionListener listener) {
        if (location == null || location.isBlank()) {
            return null;
        }
        final URI target;
        try {
            target = new URI(location.trim());
        } catch (URISyntaxException e) {
            listener.anomaly(CameraAnomaly.REDIRECT, "camera " + endpoint.name() + " redirects to unparsable Location "
                    + CameraReplies.printable(location));
            return null;
        }
        final String host = target.getHost();
        if (host == null || !host.toLowerCase(Locale.ROOT).equals(endpoint.host().toLowerCase(Locale.ROOT))) {
            listener.anomaly(CameraAnomaly.REDIRECT, "camera " + endpoint.name() + " redirects to "
                    + CameraReplies.printable(location) + ", a host not in its configuration; not followed");
            return null;
        }
        final int port = target.getPort() < 0 ? CameraEndpoint.DEFAULT_RTSP_PORT : target.getPort();
        if (port != endpoint.port() || target.getRawUserInfo() != null || followed >= MAX_REDIRECTS) {
            return null;
        }
        followed++;
        return target.toString();
    }
}
