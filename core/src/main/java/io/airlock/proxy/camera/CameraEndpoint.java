package io.airlock.proxy.camera;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One configured camera: where its stream is, how to log in and how RTP should travel. The URI never carries
 * credentials (they are refused here so they cannot leak through URLs into logs); the password is kept as a copied
 * {@code char[]} and never appears in {@link #toString()}.
 *
 * @param name        configuration name, used in reports
 * @param uri         {@code rtsp://host[:port]/path[?query]}
 * @param username    null for a camera without authentication
 * @param password    null for a camera without authentication
 * @param transport   AUTO, UDP or TCP
 * @param keepAlive   keep-alive period (shortened to half the camera's Session timeout when that is smaller)
 * @param udpPortLow  lowest local port for RTP/RTCP pairs (RTP even, RTCP odd)
 * @param udpPortHigh highest local port for RTP/RTCP pairs
 */
public record CameraEndpoint(String name, URI uri, String username, char[] password, TransportMode transport,
                             Duration keepAlive, int udpPortLow, int udpPortHigh) {

    public static final int DEFAULT_RTSP_PORT = 554;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    /** The default of {@code listen.rtp_ports}, which the proxy passes in. */
    public static final int DEFAULT_UDP_PORT_LOW = 30_000;
    public static final int DEFAULT_UDP_PORT_HIGH = 30_999;

    public CameraEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        if (uri.getScheme() == null || !"rtsp".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("camera " + name + ": URI scheme must be rtsp");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("camera " + name + ": URI has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("camera " + name + ": credentials belong in username/password, "
                    + "not in the URI");
        }
        transport = transport == null ? TransportMode.AUTO : transport;
        keepAlive = keepAlive == null ? DEFAULT_KEEP_ALIVE : keepAlive;
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("camera " + name + ": keep-alive must be positive");
        }
        if (udpPortLow < 1 || udpPortHigh > 65_535 || udpPortHigh - udpPortLow < 1) {
            throw new IllegalArgumentException("camera " + name + ": UDP port range must hold at least two ports");
        }
        password = password == null ? null : password.clone();
    }

    /** A camera with the default keep-alive and UDP port range. */
    public static CameraEndpoint of(final String name, final URI uri, final String username, final char[] password,
                                    final TransportMode transport) {
        return new CameraEndpoint(name, uri, username, password, transport, DEFAULT_KEEP_ALIVE,
                DEFAULT_UDP_PORT_LOW, DEFAULT_UDP_PORT_HIGH);
    }

    /** A copy of the password (null when none); callers should wipe it after use. */
    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    public boolean hasCredentials() {
        return username != null && password != null;
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort() < 0 ? DEFAULT_RTSP_PORT : uri.getPort();
    }

    /** The request URL as sent to the camera. */
    public String url() {
        return uri.toString();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof CameraEndpoint e && name.equals(e.name) && uri.equals(e.uri)
                && Objects.equals(username, e.username) && Arrays.equals(password, e.password)
                && transport == e.transport && keepAlive.equals(e.keepAlive) && udpPortLow == e.udpPortLow
                && udpPortHigh == e.udpPortHigh;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, uri, username, transport, keepAlive, udpPortLow, udpPortHigh);
    }

    @Override
    public String toString() {
        return "CameraEndpoint[name=" + name + ", uri=" + uri + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", transport=" + transport + ", keepAlive=" + keepAlive
                + ", udpPorts=" + udpPortLow + "-" + udpPortHigh + "]";
    }
}
