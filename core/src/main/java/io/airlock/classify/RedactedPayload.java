package io.airlock.classify;

import io.airlock.wire.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A bounded copy of a payload with its secrets masked before anything reads it for evidence: header values of
 * Authorization, Proxy-Authorization, X-WSSE and (Set-)Cookie; values of password-like parameters, JSON members and
 * XML elements. Masked bytes read as '*' in {@link #view()} and hex, and as {@value #REDACTED} in text, so neither
 * the hex nor the text of a finding can carry a credential. One per finding, not per packet.
 */
final class RedactedPayload {

    static final int MAX_BYTES = 4096;
    static final String REDACTED = "<redacted>";

    private static final byte MASK = '*';
    private static final String[] HEADER_KEYS = {"authorization", "proxy-authorization", "x-wsse", "cookie",
        "set-cookie"};
    /** Longest first: "passworddigest" must win over "password". */
    private static final String[] VALUE_KEYS = {"passworddigest", "access_token", "password", "passwd", "secret",
        "token", "pass", "pwd", "auth"};

    private final byte[] bytes;
    private final boolean[] secret;
    private final int originalLength;
    private final ByteBuf view;

    RedactedPayload(ByteBuf buf, int off, int len) {
        int n = Math.max(0, Math.min(len, MAX_BYTES));
        bytes = new byte[n];
        buf.getBytes(off, bytes, 0, n);
        secret = new boolean[n];
        originalLength = len;
        maskSecrets();
        view = Unpooled.wrappedBuffer(bytes);
    }

    /** The copy, secrets already masked; offsets match the original payload. */
    ByteBuf view() {
        return view;
    }

    /** Bytes copied (at most {@link #MAX_BYTES}). */
    int length() {
        return bytes.length;
    }

    /** Masks {@code [from, to)} as well, for secrets only the protocol layout reveals. */
    void mask(int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, bytes.length); i++) {
            bytes[i] = MASK;
            secret[i] = true;
        }
    }

    /** Hex of the first {@code max} bytes, "…" when the payload is longer. */
    String hex(int max) {
        return Hex.of(view, 0, originalLength, max);
    }

    /** Whether the 32 bytes from {@code from} are (nearly all) printable text. */
    boolean printable(int from) {
        int n = Math.min(bytes.length - from, 32);
        if (n <= 0) {
            return false;
        }
        int text = 0;
        for (int i = from; i < from + n; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F || c == '\r' || c == '\n' || c == '\t') {
                text++;
            }
        }
        return text * 10 >= n * 9;
    }

    /**
     * Text of {@code [from, to)} for a report: masked runs become {@value #REDACTED}, line breaks and tabs a single
     * space, other control and non-ASCII bytes are dropped; cut at {@code maxChars} with "…".
     */
    String text(int from, int to, int maxChars) {
        StringBuilder sb = new StringBuilder(Math.min(maxChars, Math.max(0, to - from)) + REDACTED.length());
        boolean space = false;
        for (int i = Math.max(0, from); i < Math.min(to, bytes.length); i++) {
            if (sb.length() >= maxChars) {
                sb.append('…');
                break;
            }
            if (secret[i]) {
                if (i == from || !secret[i - 1]) {
                    space = appendSpace(sb, space);
                    sb.append(REDACTED);
                }
                continue;
            }
            int c = bytes[i] & 0xFF;
            if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
                space = sb.length() > 0;
                continue;
            }
            if (c < 0x20 || c >= 0x7F) {
                continue;
            }
            space = appendSpace(sb, space);
            sb.append((char) c);
        }
        return sb.toString();
    }

    private static boolean appendSpace(StringBuilder sb, boolean space) {
        if (space) {
            sb.append(' ');
        }
        return false;
    }

    private void maskSecrets() {
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] == '@') {
                maskUserInfoPassword(i);
            }
            boolean lineStart = i == 0 || bytes[i - 1] == '\n';
            int next = lineStart ? headerSecret(i) : -1;
            if (next < 0 && isLetter(bytes[i]) && (i == 0 || !isWordChar(bytes[i - 1]))) {
                next = valueSecret(i);
            }
            i = next < 0 ? i + 1 : Math.max(next, i + 1);
        }
    }

    /**
     * RFC 3986 §3.2.1 / RFC 3261 §19.1.1: a URI's userinfo "user:password@" before the '@' at {@code at}; the
     * password is masked. A "sip:"/"sips:" scheme inside the span is not the separator.
     */
    private void maskUserInfoPassword(int at) {
        int start = at;
        while (start > 0 && at - start < 256 && " /<>\"';,\r\n\t".indexOf(bytes[start - 1]) < 0) {
            start--;
        }
        if (keyAt(start, "sip:")) {
            start += 4;
        } else if (keyAt(start, "sips:")) {
            start += 5;
        }
        for (int i = start; i < at; i++) {
            if (bytes[i] == ':') {
                mask(i + 1, at);
                return;
            }
        }
    }

    /** Masks the value of a credential header starting at {@code i}; the position after it, or -1. */
    private int headerSecret(int i) {
        for (String key : HEADER_KEYS) {
            if (!keyAt(i, key)) {
                continue;
            }
            int p = skipBlanks(i + key.length());
            if (p < bytes.length && bytes[p] == ':') {
                int start = skipBlanks(p + 1);
                int end = start;
                while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
                    end++;
                }
                mask(start, end);
                return end;
            }
        }
        return -1;
    }

    /** Masks the value after a password-like key at {@code i} (k=v, "k":"v", k: v, {@code <k>v</k>}); or -1. */
    private int valueSecret(int i) {
        for (String key : VALUE_KEYS) {
            int after = i + key.length();
            if (!keyAt(i, key) || after < bytes.length && isWordChar(bytes[after])) {
                continue;
            }
            int p = after < bytes.length && bytes[after] == '"' ? after + 1 : after;
            p = skipBlanks(p);
            if (p < bytes.length && (bytes[p] == ':' || bytes[p] == '=')) {
                return maskValue(skipBlanks(p + 1), key);
            }
            if (openingTag(i) && p < bytes.length && (bytes[p] == '>' || p > after)) {
                int close = indexOf((byte) '>', p);
                return close < 0 ? -1 : maskUntil(close + 1, (byte) '<');
            }
            return -1;
        }
        return -1;
    }

    private int maskValue(int start, String key) {
        if (start < bytes.length && bytes[start] == '"') {
            return maskUntil(start + 1, (byte) '"');
        }
        int end = start;
        while (end < bytes.length && ",;&\"'<>}) \r\n\t".indexOf(bytes[end]) < 0) {
            end++;
        }
        if (!("auth".equals(key) && isBackdoorToken(start, end))) {
            mask(start, end);
        }
        return end;
    }

    /** The CVE-2017-7921 token is public exploit text and the evidence itself, not anyone's credential. */
    private boolean isBackdoorToken(int start, int end) {
        String token = CveMatcher.HIKVISION_BACKDOOR_AUTH;
        if (end - start != token.length()) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            if (bytes[start + k] != token.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int maskUntil(int start, byte stop) {
        int end = indexOf(stop, start);
        end = end < 0 ? bytes.length : end;
        mask(start, end);
        return end;
    }

    /** The key at {@code i} names an element in an opening tag ({@code <k} or {@code <prefix:k}). */
    private boolean openingTag(int i) {
        int k = i - 1;
        while (k >= 0 && (isWordChar(bytes[k]) || bytes[k] == ':')) {
            k--;
        }
        return k >= 0 && bytes[k] == '<';
    }

    private boolean keyAt(int i, String key) {
        if (bytes.length - i < key.length()) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if (Ascii.lower(bytes[i + k] & 0xFF) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private int skipBlanks(int p) {
        while (p < bytes.length && (bytes[p] == ' ' || bytes[p] == '\t')) {
            p++;
        }
        return p;
    }

    private static boolean isLetter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isWordChar(byte c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '_';
    }
}
