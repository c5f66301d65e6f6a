package io.airlock.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One camera Airlock pulls from and serves as {@code rtsp://<airlock>:8554/<name>} (and
 * {@code /<name>/<profile>} for each extra stream). The URL never holds credentials: they are {@code username}
 * and {@code password}, so that the URL can be logged.
 *
 * @param name       [a-z0-9_-]{1,64}, unique among cameras
 * @param url        the camera's main stream, {@code rtsp://} without user info
 * @param username   RTSP user name, or null when the camera needs none
 * @param password   RTSP password, or null exactly when {@code username} is null
 * @param transport  how RTP is pulled
 * @param profiles   further streams by profile name ([a-z0-9_-]{1,64}), each an {@code rtsp://} URL; insertion order
 * @param recorders  names of the recorders allowed to pull this camera; each names a {@link RecorderConfig}
 * @param keepalive  interval of RTSP keep-alive requests to the camera
 */
public record CameraConfig(String name, URI url, String username, Secret password, Transport transport,
                           Map<String, URI> profiles, List<String> recorders, Duration keepalive) {

    /** Default keep-alive interval: well inside the usual 60 s RTSP session timeout. */
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(20);

    public CameraConfig {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        recorders = List.copyOf(recorders);
    }

    /** Whether Airlock authenticates to the camera. */
    public boolean hasCredentials() {
        return username != null;
    }

    /** Whether recorder {@code recorderName} may pull this camera. */
    public boolean allows(String recorderName) {
        return recorders.contains(recorderName);
    }
}
