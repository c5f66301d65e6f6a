package io.airlock.proxy;

import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.config.AirlockConfig;
import io.airlock.config.CameraConfig;
import io.airlock.config.RecorderConfig;
import io.airlock.rtsp.AuthenticateHeader;
import io.airlock.rtsp.auth.DigestAlgorithm;
import io.airlock.rtsp.auth.DigestCredentials;
import io.airlock.server.Authenticator;
import io.netty.handler.codec.http.HttpRequest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who may pull a camera: a recorder named in the camera's {@code recorders} list, admitted by its source address
 * and, when it has credentials, by RTSP Digest (RFC 2617) against them. Everyone else gets 401 and a finding
 * (RTSP-05). A recorder's first request without credentials is the normal start of Digest and is not reported.
 */
final class RecorderAccess implements Authenticator {

    static final String REALM = "Airlock";

    private final SessionFindings findings;
    private final String nonce;
    private final String challenge;
    private final AuthenticateHeader authorization = new AuthenticateHeader();
    private volatile AirlockConfig config;

    RecorderAccess(AirlockConfig config, SessionFindings findings) {
        this.config = config;
        this.findings = findings;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.nonce = HexFormat.of().formatHex(random);
        this.challenge = "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\"";
    }

    /** Judges every request from now on by {@code next}'s cameras and recorders; the nonce stays. */
    void configure(AirlockConfig next) {
        config = next;
    }

    @Override
    public synchronized String challenge(InetSocketAddress peer, HttpRequest request) {
        AirlockConfig current = config;
        CameraConfig camera = cameraOf(current, request.uri());
        if (camera == null) {
            // Unknown paths get 404 from the server; OPTIONS and '*' need no camera.
            return null;
        }
        String header = request.headers().get("Authorization");
        boolean addressAdmitted = false;
        for (String name : camera.recorders()) {
            RecorderConfig recorder = current.recorder(name);
            if (recorder == null || !admits(recorder, peer)) {
                continue;
            }
            addressAdmitted = true;
            if (recorder.password() == null) {
                return null;
            }
            if (header != null && digestMatches(recorder, request, header)) {
                return null;
            }
        }
        if (!addressAdmitted || header != null) {
            String who = peer.getAddress().getHostAddress();
            findings.raise(Rule.RTSP_05, "recorder:" + who + ":" + camera.name(),
                    new StreamIdentity(camera.name(), who, peer.getPort(), null, 0, "tcp", -1, -1),
                    "refused " + who + " for camera " + camera.name()
                            + (addressAdmitted ? ": wrong credentials" : ": address not allowed"),
                    "method", request.method().name());
        }
        return challenge;
    }

    private static boolean admits(RecorderConfig recorder, InetSocketAddress peer) {
        return recorder.addresses().isEmpty() || recorder.admitsAddress(peer.getAddress());
    }

    private boolean digestMatches(RecorderConfig recorder, HttpRequest request, String header) {
        if (authorization.parse(header) != null || authorization.challengeCount() == 0 || !authorization.isDigest(0)) {
            return false;
        }
        String username = authorization.param(0, "username");
        if (username == null || !username.equals(recorder.username()) || !nonce.equals(authorization.nonce(0))) {
            return false;
        }
        DigestAlgorithm algorithm = DigestAlgorithm.byToken(authorization.algorithm(0));
        if (algorithm == null) {
            return false;
        }
        String qop = authorization.qop(0);
        String nc = authorization.param(0, "nc");
        int count = 0;
        if (nc != null) {
            try {
                count = Integer.parseUnsignedInt(nc, 16);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String uri = authorization.param(0, "uri");
        DigestCredentials credentials = new DigestCredentials(recorder.username(),
                recorder.password().reveal().toCharArray());
        return credentials.verify(algorithm, REALM, nonce, request.method().name(), uri == null ? "" : uri, qop,
                authorization.param(0, "cnonce"), count, authorization.param(0, "response"));
    }

    /** The camera a request URL names by its first path segment, or null. */
    private static CameraConfig cameraOf(AirlockConfig config, String uri) {
        String path;
        try {
            path = URI.create(uri).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null || path.length() < 2) {
            return null;
        }
        int end = path.indexOf('/', 1);
        String name = end < 0 ? path.substring(1) : path.substring(1, end);
        return config.camera(name);
    }
}
