package io.airlock.proxy.camera;

import io.airlock.rtsp.AuthenticateHeader;
import io.airlock.rtsp.auth.DigestAlgorithm;
import io.airlock.rtsp.auth.DigestCredentials;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * Answers a camera's {@code WWW-Authenticate} challenges (RFC 2617, RFC 7616): Digest SHA-256 when offered, else
 * Digest MD5, else Basic. A nonce is tried once; the same nonce again without {@code stale=true} means the
 * credentials are wrong. Holds the password only inside {@link DigestCredentials}; nothing here returns or prints it.
 */
final class CameraAuthenticator {

    enum Scheme { NONE, BASIC, DIGEST }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DigestCredentials credentials;
    private final AuthenticateHeader header = new AuthenticateHeader();
    private Scheme scheme = Scheme.NONE;
    private DigestAlgorithm algorithm;
    private String realm;
    private String nonce;
    private String opaque;
    private String qop;
    private int nonceCount;

    CameraAuthenticator(final String username, final char[] password) {
        this.credentials = username == null || password == null ? null : new DigestCredentials(username, password);
    }

    boolean hasCredentials() {
        return credentials != null;
    }

    Scheme scheme() {
        return scheme;
    }

    /** Digest algorithm in use, null unless Digest. */
    DigestAlgorithm algorithm() {
        return scheme == Scheme.DIGEST ? algorithm : null;
    }

    /** Takes the challenges of a 401 reply; true when the request is worth sending again with new credentials. */
    boolean challenge(final List<String> values) {
        if (credentials == null) {
            return false;
        }
        int bestRank = 0;
        String bestRealm = null;
        String bestNonce = null;
        String bestOpaque = null;
        String bestQop = null;
        boolean bestStale = false;
        DigestAlgorithm bestAlgorithm = null;
        for (int v = 0; v < values.size() && v < AuthenticateHeader.MAX_CHALLENGES; v++) {
            if (header.parse(values.get(v)) != null) {
                continue;
            }
            for (int i = 0; i < header.challengeCount(); i++) {
                int rank = 0;
                DigestAlgorithm alg = null;
                if (header.isDigest(i) && header.nonce(i) != null) {
                    alg = DigestAlgorithm.byToken(header.algorithm(i));
                    rank = alg == DigestAlgorithm.SHA_256 ? 3 : alg == DigestAlgorithm.MD5 ? 2 : 0;
                } else if (header.isBasic(i)) {
                    rank = 1;
                }
                if (rank > bestRank) {
                    bestRank = rank;
                    bestAlgorithm = alg;
                    bestRealm = header.realm(i);
                    bestNonce = header.nonce(i);
                    bestOpaque = header.opaque(i);
                    bestQop = header.qop(i);
                    bestStale = header.stale(i);
                }
            }
        }
        if (bestRank == 0) {
            return false;
        }
        if (bestRank == 1) {
            final boolean first = scheme != Scheme.BASIC;
            scheme = Scheme.BASIC;
            return first;
        }
        final boolean retry = scheme != Scheme.DIGEST || !bestNonce.equals(nonce) || bestStale;
        scheme = Scheme.DIGEST;
        algorithm = bestAlgorithm;
        realm = bestRealm == null ? "" : bestRealm;
        nonce = bestNonce;
        opaque = bestOpaque;
        qop = offersAuth(bestQop) ? "auth" : null;
        nonceCount = 0;
        return retry;
    }

    /** The {@code Authorization} value for one request, null before any challenge. */
    String authorization(final String method, final String uri) {
        switch (scheme) {
            case BASIC:
                return credentials.basic();
            case DIGEST:
                nonceCount++;
                final String cnonce = qop == null ? null : Long.toHexString(RANDOM.nextLong());
                return credentials.authorization(algorithm, realm, nonce, method, uri, qop, cnonce, nonceCount,
                        opaque);
            default:
                return null;
        }
    }

    private static boolean offersAuth(final String qopOptions) {
        if (qopOptions == null) {
            return false;
        }
        for (final String option : qopOptions.split(",", 8)) {
            if ("auth".equals(option.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
