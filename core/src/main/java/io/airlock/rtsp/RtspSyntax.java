package io.airlock.rtsp;

import io.netty.buffer.ByteBuf;

/**
 * The byte-level syntax RTSP 1.0 shares with HTTP/1.1 (RFC 2326 §15, RFC 2616 §2.2): lines, tokens, digits, the
 * {@code RTSP/x.y} version, case-insensitive names. Bounds are the caller's: every method reads only within
 * {@code [start, end)}.
 */
final class RtspSyntax {

    static final byte CR = '\r';
    static final byte LF = '\n';

    private RtspSyntax() {
    }

    /** Digits only, at most 10 of them; -1 otherwise. */
    static long parseDecimal(final int start, final int end, final ByteBuf b) {
        if (end <= start || end - start > 10) {
            return -1;
        }
        long v = 0;
        for (int p = start; p < end; p++) {
            final int c = b.getUnsignedByte(p);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Whether {@code b[start, end)} equals {@code name}, ASCII case ignored. */
    static boolean equalsIgnoreCase(final ByteBuf b, final int start, final int end, final String name) {
        if (end - start != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (lower(b.getUnsignedByte(start + k)) != lower(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    static int findLineEnd(final ByteBuf b, final int start, final int end) {
        final int idx = b.indexOf(start, end, LF);
        return idx;
    }

    static int trimCr(final ByteBuf b, final int start, final int lf) {
        return lf > start && b.getUnsignedByte(lf - 1) == CR ? lf - 1 : lf;
    }

    static int trimEnd(final ByteBuf b, final int start, final int end) {
        int e = end;
        while (e > start && b.getUnsignedByte(e - 1) <= ' ') {
            e--;
        }
        return e;
    }

    static boolean isVersion(final ByteBuf b, final int start, final int end) {
        return end - start == 8 && startsWith(b, start, end, "RTSP/") && isDigit(b.getUnsignedByte(start + 5))
                && b.getUnsignedByte(start + 6) == '.' && isDigit(b.getUnsignedByte(start + 7));
    }

    static boolean startsWith(final ByteBuf b, final int start, final int end, final String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (b.getUnsignedByte(start + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(final int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSpace(final int c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 2616 §2.2 token characters. */
    static boolean isTokenChar(final int c) {
        if (c <= ' ' || c >= 0x7F) {
            return false;
        }
        return "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    static int lower(final int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
