package io.airlock.proxy;

import io.airlock.config.CameraConfig;
import io.airlock.config.PortRange;
import io.airlock.config.Secret;
import io.airlock.config.Transport;
import io.airlock.proxy.camera.CameraEndpoint;
import io.airlock.proxy.camera.TransportMode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One upstream stream the configuration asks for: a camera's main stream or one of its profiles, served to recorders
 * at {@link #path()}. Equal specs need the same upstream session; any difference (URL, credentials, transport,
 * keep-alive) needs a new one. {@code toString()} masks the password.
 *
 * @param camera    the camera's name
 * @param profile   the profile's name, or null for the main stream
 * @param url       the camera URL of this stream
 * @param username  RTSP user on the camera, or null
 * @param password  RTSP password on the camera, or null
 * @param transport how RTP is pulled
 * @param keepalive keep-alive interval towards the camera
 */
record StreamSpec(String camera, String profile, URI url, String username, Secret password, Transport transport,
                  Duration keepalive) {

    /** The main stream and then each profile of {@code camera}, in file order. */
    static List<StreamSpec> of(CameraConfig camera) {
        List<StreamSpec> specs = new ArrayList<>(1 + camera.profiles().size());
        specs.add(new StreamSpec(camera.name(), null, camera.url(), camera.username(), camera.password(),
                camera.transport(), camera.keepalive()));
        for (Map.Entry<String, URI> p : camera.profiles().entrySet()) {
            specs.add(new StreamSpec(camera.name(), p.getKey(), p.getValue(), camera.username(), camera.password(),
                    camera.transport(), camera.keepalive()));
        }
        return specs;
    }

    /** {@code lobby} or {@code lobby/sub}: how logs and findings name the stream. */
    String name() {
        return profile == null ? camera : camera + "/" + profile;
    }

    /** The URL path recorders open, {@code /lobby} or {@code /lobby/sub}. */
    String path() {
        return "/" + name();
    }

    /**
     * The endpoint a {@link io.airlock.proxy.camera.CameraSession} connects to, taking its RTP/RTCP ports from
     * {@code rtpPorts} ({@code listen.rtp_ports}, shared with the recorder side).
     */
    CameraEndpoint endpoint(PortRange rtpPorts) {
        char[] secret = password == null ? null : password.reveal().toCharArray();
        return new CameraEndpoint(name(), url, username, secret, TransportMode.valueOf(transport.name()), keepalive,
                rtpPorts.first(), rtpPorts.last());
    }

    /** What differs from {@code before}, e.g. {@code url, credentials}; names fields, never values of secrets. */
    String differences(StreamSpec before) {
        List<String> fields = new ArrayList<>(4);
        if (!url.equals(before.url)) {
            fields.add("url");
        }
        if (!Objects.equals(username, before.username) || !Objects.equals(password, before.password)) {
            fields.add("credentials");
        }
        if (transport != before.transport) {
            fields.add("transport " + before.transport.label() + " -> " + transport.label());
        }
        if (!keepalive.equals(before.keepalive)) {
            fields.add("keepalive");
        }
        return String.join(", ", fields);
    }
}
