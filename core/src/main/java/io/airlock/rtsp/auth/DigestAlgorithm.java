package io.airlock.rtsp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The Digest hash algorithms RTSP cameras offer (RFC 7616 §3.2): MD5 (every camera) and SHA-256 (newer ones). */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The value of the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** The algorithm named by a challenge's {@code algorithm} parameter (absent means MD5), or null if unsupported. */
    public static DigestAlgorithm byToken(String token) {
        if (token == null || token.isBlank()) {
            return MD5;
        }
        switch (token.trim().toUpperCase(Locale.ROOT)) {
            case "MD5":
                return MD5;
            case "SHA-256":
                return SHA_256;
            default:
                return null;
        }
    }

    /** Lower-case hex digest of {@code text} in UTF-8. */
    public String hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(d.length * 2);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " missing from this Java runtime", e);
        }
    }
}
