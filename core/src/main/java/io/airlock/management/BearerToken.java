package io.airlock.management;

import io.airlock.config.Secret;

/**
 * Checks {@code Authorization: Bearer <token>} (RFC 6750 §2.1) against the configured management token. The
 * comparison takes the same time wherever the candidate differs ({@link Secret#matches}), and nothing here ever puts
 * the token or the candidate into a message.
 */
final class BearerToken {

    private static final String SCHEME = "Bearer";
    /** Longer candidates are refused unread: no real token is this long, and comparing costs time. */
    private static final int MAX_CANDIDATE_LENGTH = 4096;

    private final Secret token;

    /** @param token the management token, or null when none is required */
    BearerToken(Secret token) {
        this.token = token;
    }

    boolean required() {
        return token != null;
    }

    /** Whether a request with this Authorization header (null when absent) may pass. */
    boolean admits(String authorization) {
        if (token == null) {
            return true;
        }
        if (authorization == null || authorization.length() > MAX_CANDIDATE_LENGTH
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int at = SCHEME.length();
        if (at >= authorization.length() || authorization.charAt(at) != ' ') {
            return false;
        }
        while (at < authorization.length() && authorization.charAt(at) == ' ') {
            at++;
        }
        int end = authorization.length();
        while (end > at && authorization.charAt(end - 1) == ' ') {
            end--;
        }
        return token.matches(authorization.substring(at, end));
    }
}
