package io.airlock.rtsp.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Computes and checks RTSP Digest responses (RFC 2617 §3.2.2, RFC 7616 §3.4.1), both as a client answering a
 * camera's challenge and as a server checking a recorder. Holds a password, so it never appears in
 * {@link #toString()} and no method returns it.
 */
public final class DigestCredentials {

    private final String username;
    private final char[] password;

    public DigestCredentials(String username, char[] password) {
        this.username = username;
        this.password = password.clone();
    }

    public String username() {
        return username;
    }

    /**
     * The {@code Authorization} header value answering a Digest challenge.
     *
     * @param qop    "auth" when the challenge offered it, else null (RFC 2069 compatibility, what most cameras do)
     * @param cnonce client nonce, used only with qop
     * @param nc     nonce count, used only with qop
     */
    public String authorization(DigestAlgorithm algorithm, String realm, String nonce, String method, String uri,
                                String qop, String cnonce, int nc, String opaque) {
        String response = response(algorithm, realm, nonce, method, uri, qop, cnonce, nc);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(quoted(username))
                .append("\", realm=\"").append(quoted(realm))
                .append("\", nonce=\"").append(quoted(nonce))
                .append("\", uri=\"").append(quoted(uri))
                .append("\", response=\"").append(response).append('"');
        if (algorithm != DigestAlgorithm.MD5) {
            sb.append(", algorithm=").append(algorithm.token());
        }
        if (qop != null) {
            sb.append(", qop=").append(qop).append(", nc=").append(String.format("%08x", nc))
                    .append(", cnonce=\"").append(quoted(cnonce)).append('"');
        }
        if (opaque != null) {
            sb.append(", opaque=\"").append(quoted(opaque)).append('"');
        }
        return sb.toString();
    }

    /** The Digest {@code response} value. */
    public String response(DigestAlgorithm algorithm, String realm, String nonce, String method, String uri,
                           String qop, String cnonce, int nc) {
        String ha1 = algorithm.hex(username + ":" + realm + ":" + new String(password));
        String ha2 = algorithm.hex(method + ":" + uri);
        if (qop == null) {
            return algorithm.hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return algorithm.hex(ha1 + ":" + nonce + ":" + String.format("%08x", nc) + ":" + cnonce + ":" + qop + ":"
                + ha2);
    }

    /** True when a recorder's {@code response} is right for these credentials; compared in constant time. */
    public boolean verify(DigestAlgorithm algorithm, String realm, String nonce, String method, String uri,
                          String qop, String cnonce, int nc, String response) {
        if (response == null) {
            return false;
        }
        String expected = response(algorithm, realm, nonce, method, uri, qop, cnonce, nc);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code Authorization} value for Basic (RFC 7617), for cameras that offer only Basic. */
    public String basic() {
        String raw = username + ":" + new String(password);
        return "Basic " + java.util.Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", password=***]";
    }
}
