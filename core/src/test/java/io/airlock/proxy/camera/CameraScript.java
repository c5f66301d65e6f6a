package io.airlock.proxy.camera;

import io.airlock.rtsp.AuthenticateHeader;
import io.airlock.rtsp.auth.DigestAlgorithm;
import io.airlock.rtsp.auth.DigestCredentials;

import java.util.function.BiFunction;
import java.util.function.Function;

/** A configurable well-behaved camera script for {@link FakeCamera}; tests override the parts they need. */
final class CameraScript implements BiFunction<FakeCamera.Request, FakeCamera, String> {

    static final String USER = "admin";
    static final String PASSWORD = "S3cr3t-Pa55";
    static final String REALM = "IP Camera(C6915)";
    static final String NONCE = "4e6f6e6365d6d6627";

    static final String SDP = String.join("\r\n",
            "v=0",
            "o=- 1 1 IN IP4 127.0.0.1",
            "s=Fake",
            "t=0 0",
            "a=control:*",
            "m=video 0 RTP/AVP 96",
            "a=rtpmap:96 H264/90000",
            "a=control:trackID=1",
            "m=audio 0 RTP/AVP 8",
            "a=rtpmap:8 PCMA/8000",
            "a=control:trackID=2",
            "m=application 0 RTP/AVP 107",
            "a=rtpmap:107 vnd.onvif.metadata/90000",
            "a=control:trackID=3",
            "");

    enum Auth { NONE, BASIC, MD5, SHA_256_AND_MD5 }

    Auth auth = Auth.NONE;
    String publicMethods = "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER";
    String sdp = SDP;
    String contentBase;
    String session = "12345678;timeout=60";
    /** SETUP request to the Transport header of the reply (default: echo the request's TCP channels). */
    Function<FakeCamera.Request, String> transport = req -> req.header("Transport");
    /** A full DESCRIBE answer overriding everything (e.g. a redirect); null for the normal one. */
    Function<FakeCamera.Request, String> describeOverride;
    volatile DigestAlgorithm lastVerifiedAlgorithm;

    @Override
    public String apply(final FakeCamera.Request req, final FakeCamera cam) {
        switch (req.method()) {
            case "OPTIONS":
                return FakeCamera.reply(req, "200 OK", null, "Public: " + publicMethods);
            case "DESCRIBE":
                if (!authorized(req)) {
                    return challenge(req);
                }
                if (describeOverride != null) {
                    return describeOverride.apply(req);
                }
                final String base = contentBase == null ? req.uri() + "/" : contentBase;
                return FakeCamera.reply(req, "200 OK", sdp, "Content-Type: application/sdp",
                        "Content-Base: " + base);
            case "SETUP":
                if (!authorized(req)) {
                    return challenge(req);
                }
                return FakeCamera.reply(req, "200 OK", null, "Session: " + session,
                        "Transport: " + transport.apply(req));
            default:
                if (!authorized(req)) {
                    return challenge(req);
                }
                return FakeCamera.reply(req, "200 OK", null, "Session: " + session);
        }
    }

    private String challenge(final FakeCamera.Request req) {
        return switch (auth) {
            case BASIC -> FakeCamera.reply(req, "401 Unauthorized", null,
                    "WWW-Authenticate: Basic realm=\"" + REALM + "\"");
            case MD5 -> FakeCamera.reply(req, "401 Unauthorized", null,
                    "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\", stale=\"FALSE\"");
            default -> FakeCamera.reply(req, "401 Unauthorized", null,
                    "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\", algorithm=MD5",
                    "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + NONCE
                            + "\", algorithm=SHA-256, qop=\"auth\"",
                    "WWW-Authenticate: Basic realm=\"" + REALM + "\"");
        };
    }

    private boolean authorized(final FakeCamera.Request req) {
        if (auth == Auth.NONE) {
            return true;
        }
        final String value = req.header("Authorization");
        if (value == null) {
            return false;
        }
        final DigestCredentials creds = new DigestCredentials(USER, PASSWORD.toCharArray());
        if (auth == Auth.BASIC) {
            return value.equals(creds.basic());
        }
        final AuthenticateHeader h = new AuthenticateHeader();
        if (h.parse(value) != null || !h.isDigest(0) || !USER.equals(h.param(0, "username"))
                || !req.uri().equals(h.param(0, "uri"))) {
            return false;
        }
        final DigestAlgorithm alg = DigestAlgorithm.byToken(h.algorithm(0));
        if (auth == Auth.SHA_256_AND_MD5 && alg != DigestAlgorithm.SHA_256) {
            return false;
        }
        final String nc = h.param(0, "nc");
        final boolean ok = creds.verify(alg, h.realm(0), h.nonce(0), req.method(), h.param(0, "uri"),
                h.qop(0), h.param(0, "cnonce"), nc == null ? 0 : Integer.parseInt(nc, 16), h.param(0, "response"));
        if (ok) {
            lastVerifiedAlgorithm = alg;
        }
        return ok && NONCE.equals(h.nonce(0));
    }
}
