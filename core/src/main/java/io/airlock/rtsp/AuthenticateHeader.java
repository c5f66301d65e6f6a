package io.airlock.rtsp;

import io.airlock.wire.Rejection;

import java.util.Locale;

/**
 * Parser for {@code WWW-Authenticate} values (RFC 2617 §1.2 and §3.2.1, as used by RTSP 1.0).
 *
 * <pre>
 * challenge   = auth-scheme 1*SP 1#auth-param
 * auth-param  = token "=" ( token | quoted-string )
 * digest      = "Digest" realm, nonce [, domain] [, opaque] [, stale] [, algorithm] [, qop-options]
 * </pre>
 *
 * <p>Several challenges may share one value ({@code Digest realm="a", nonce="b", Basic realm="a"}); call
 * {@link #parse} once per header and read challenge {@code i} with the indexed accessors. Parameter names are
 * case-insensitive; values are unquoted. Nonces are parsed for completeness but must never be logged as evidence.
 */
public final class AuthenticateHeader {

    public static final int MAX_CHALLENGES = 8;
    public static final int MAX_PARAMETERS = 16;
    public static final int MAX_VALUE_LENGTH = 8 * 1024;

    private final String[] schemes = new String[MAX_CHALLENGES];
    private final String[][] names = new String[MAX_CHALLENGES][MAX_PARAMETERS];
    private final String[][] values = new String[MAX_CHALLENGES][MAX_PARAMETERS];
    private final int[] paramCounts = new int[MAX_CHALLENGES];
    private int challengeCount;

    /** Parses one header value; null on success. */
    public Rejection parse(final CharSequence value) {
        challengeCount = 0;
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return RtspRejection.BAD_AUTHENTICATE;
        }
        final String s = value.toString();
        final int n = s.length();
        int p = 0;
        while (true) {
            while (p < n && (s.charAt(p) == ',' || isBlank(s.charAt(p)))) {
                p++;
            }
            if (p >= n) {
                break;
            }
            final int ts = p;
            while (p < n && RtspSyntax.isTokenChar(s.charAt(p))) {
                p++;
            }
            if (p == ts) {
                return fail();
            }
            final String token = s.substring(ts, p);
            int q = p;
            while (q < n && isBlank(s.charAt(q))) {
                q++;
            }
            if (q < n && s.charAt(q) == '=' && challengeCount > 0) {
                p = parseValue(s, q + 1, token);
                if (p < 0) {
                    return fail();
                }
            } else {
                if (challengeCount == MAX_CHALLENGES) {
                    challengeCount = 0;
                    return RtspRejection.TOO_MANY_CHALLENGES;
                }
                schemes[challengeCount] = token;
                paramCounts[challengeCount] = 0;
                challengeCount++;
                p = q;
            }
        }
        return challengeCount == 0 ? RtspRejection.BAD_AUTHENTICATE : null;
    }

    /** Returns the index after the value, or -1. */
    private int parseValue(final String s, final int from, final String name) {
        final int n = s.length();
        int p = from;
        while (p < n && isBlank(s.charAt(p))) {
            p++;
        }
        final String v;
        if (p < n && s.charAt(p) == '"') {
            final StringBuilder sb = new StringBuilder();
            p++;
            while (p < n && s.charAt(p) != '"') {
                if (s.charAt(p) == '\\' && p + 1 < n) {
                    p++;
                }
                sb.append(s.charAt(p));
                p++;
            }
            if (p >= n) {
                return -1;
            }
            p++;
            v = sb.toString();
        } else {
            final int vs = p;
            while (p < n && s.charAt(p) != ',' && !isBlank(s.charAt(p))) {
                p++;
            }
            v = s.substring(vs, p);
        }
        final int c = challengeCount - 1;
        if (paramCounts[c] == MAX_PARAMETERS) {
            return -1;
        }
        names[c][paramCounts[c]] = name.toLowerCase(Locale.ROOT);
        values[c][paramCounts[c]] = v;
        paramCounts[c]++;
        return p;
    }

    private Rejection fail() {
        challengeCount = 0;
        return RtspRejection.BAD_AUTHENTICATE;
    }

    public int challengeCount() {
        return challengeCount;
    }

    /** "Digest", "Basic", ... as written. */
    public String scheme(final int i) {
        return schemes[i];
    }

    public boolean isDigest(final int i) {
        return "digest".equalsIgnoreCase(schemes[i]);
    }

    public boolean isBasic(final int i) {
        return "basic".equalsIgnoreCase(schemes[i]);
    }

    /** Value of parameter {@code name} (case-insensitive) of challenge {@code i}, or null. */
    public String param(final int i, final String name) {
        for (int k = 0; k < paramCounts[i]; k++) {
            if (names[i][k].equalsIgnoreCase(name)) {
                return values[i][k];
            }
        }
        return null;
    }

    public int paramCount(final int i) {
        return paramCounts[i];
    }

    public String realm(final int i) {
        return param(i, "realm");
    }

    /** The server nonce: a secret-ish value, never put it into evidence or logs. */
    public String nonce(final int i) {
        return param(i, "nonce");
    }

    public String algorithm(final int i) {
        return param(i, "algorithm");
    }

    public String qop(final int i) {
        return param(i, "qop");
    }

    public String opaque(final int i) {
        return param(i, "opaque");
    }

    public boolean stale(final int i) {
        return "true".equalsIgnoreCase(param(i, "stale"));
    }

    private static boolean isBlank(final char c) {
        return c == ' ' || c == '\t';
    }
}
