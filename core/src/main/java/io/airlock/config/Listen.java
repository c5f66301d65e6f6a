package io.airlock.config;

/**
 * Where Airlock listens. RTSP defaults to all interfaces because recorders must reach it (only allowed recorders
 * are served); management defaults to loopback, and any other management address requires a token, since there
 * are no default passwords.
 *
 * @param rtsp            the RTSP proxy, default {@code 0.0.0.0:8554}
 * @param management      the management API and metrics, default {@code 127.0.0.1:9090}
 * @param managementToken bearer token for the management API; null only when {@code management} is loopback
 * @param rtpPorts        UDP ports for RTP/RTCP towards cameras and recorders, default {@code 30000-30999}
 */
public record Listen(HostPort rtsp, HostPort management, Secret managementToken, PortRange rtpPorts) {

    /** Default RTSP listen address. */
    public static final String DEFAULT_RTSP = "0.0.0.0:8554";
    /** Default management listen address. */
    public static final String DEFAULT_MANAGEMENT = "127.0.0.1:9090";
    /** Shortest management token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** The defaults, used when the file has no {@code listen} section. */
    public static Listen defaults() {
        return new Listen(HostPort.parse(DEFAULT_RTSP), HostPort.parse(DEFAULT_MANAGEMENT), null, PortRange.DEFAULT);
    }
}
