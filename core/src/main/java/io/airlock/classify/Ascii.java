package io.airlock.classify;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Bounded, allocation-free searches over text protocols held in a {@link ByteBuf}. Every method reads only inside
 * {@code [from, end)}, which callers take from a validated range; needles given as "lower" are lower-case ASCII and
 * match case-insensitively. Ranges found are packed into a long as {@code start << 32 | end} ({@link #NONE} if absent).
 */
final class Ascii {

    static final long NONE = -1L;

    private Ascii() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static long range(int start, int end) {
        return ((long) start << 32) | (end & 0xFFFF_FFFFL);
    }

    static int start(long range) {
        return (int) (range >>> 32);
    }

    static int end(long range) {
        return (int) range;
    }

    static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** The bytes at {@code at} are exactly {@code needle}. */
    static boolean startsWith(ByteBuf b, int at, int end, byte[] needle) {
        if (end - at < needle.length) {
            return false;
        }
        for (int i = 0; i < needle.length; i++) {
            if (b.getByte(at + i) != needle[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes at {@code at} are {@code lowerNeedle}, ignoring ASCII case. */
    static boolean startsWithIgnoreCase(ByteBuf b, int at, int end, byte[] lowerNeedle) {
        if (end - at < lowerNeedle.length) {
            return false;
        }
        for (int i = 0; i < lowerNeedle.length; i++) {
            if (lower(b.getUnsignedByte(at + i)) != lowerNeedle[i]) {
                return false;
            }
        }
        return true;
    }

    /** First position of {@code lowerNeedle} in {@code [from, end)}, ignoring ASCII case, or -1. */
    static int indexOfIgnoreCase(ByteBuf b, int from, int end, byte[] lowerNeedle) {
        int first = lowerNeedle[0];
        for (int p = from, last = end - lowerNeedle.length; p <= last; p++) {
            if (lower(b.getUnsignedByte(p)) == first && startsWithIgnoreCase(b, p, end, lowerNeedle)) {
                return p;
            }
        }
        return -1;
    }

    /** Position of the next LF at or after {@code from}, or -1. */
    static int lineEnd(ByteBuf b, int from, int end) {
        return from >= end ? -1 : b.indexOf(from, end, (byte) '\n');
    }

    /** End of a line's content: {@code lf} or one before it when the line ends in CR LF. */
    static int trimCr(ByteBuf b, int start, int lf) {
        return lf > start && b.getByte(lf - 1) == '\r' ? lf - 1 : lf;
    }

    /** Position just after the empty line that ends a header section starting at {@code from}, or -1. */
    static int headEnd(ByteBuf b, int from, int end) {
        int p = from;
        while (p < end) {
            int lf = lineEnd(b, p, end);
            if (lf < 0) {
                return -1;
            }
            if (trimCr(b, p, lf) == p) {
                return lf + 1;
            }
            p = lf + 1;
        }
        return -1;
    }

    static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    static int skipBlanks(ByteBuf b, int p, int end) {
        while (p < end && (b.getByte(p) == ' ' || b.getByte(p) == '\t')) {
            p++;
        }
        return p;
    }

    static int skipWhitespace(ByteBuf b, int p, int end) {
        while (p < end && b.getUnsignedByte(p) <= ' ') {
            p++;
        }
        return p;
    }

    /**
     * The trimmed value of the first header line called {@code lowerName} among the lines in {@code [from, end)}
     * (the first line, a start line, is skipped), or {@link #NONE}.
     */
    static long headerValue(ByteBuf b, int from, int end, byte[] lowerName) {
        int p = lineEnd(b, from, end);
        while (p >= 0 && ++p < end) {
            int lf = lineEnd(b, p, end);
            int lineEnd = lf < 0 ? end : trimCr(b, p, lf);
            if (lineEnd == p) {
                return NONE;
            }
            if (startsWithIgnoreCase(b, p, lineEnd, lowerName)) {
                int colon = skipBlanks(b, p + lowerName.length, lineEnd);
                if (colon < lineEnd && b.getByte(colon) == ':') {
                    int v = skipBlanks(b, colon + 1, lineEnd);
                    int e = lineEnd;
                    while (e > v && (b.getByte(e - 1) == ' ' || b.getByte(e - 1) == '\t')) {
                        e--;
                    }
                    return range(v, e);
                }
            }
            p = lf;
        }
        return NONE;
    }

    /**
     * Whether some JSON member {@code "key" : "value"} in {@code [from, end)} has the given key and value, ignoring
     * case and whitespace around the colon. Keys and values are lower-case and exclude the quotes.
     */
    static boolean jsonMember(ByteBuf b, int from, int end, byte[] lowerKey, byte[] lowerValue) {
        int p = from;
        while (p < end) {
            int k = indexOfIgnoreCase(b, p, end, lowerKey);
            if (k < 0) {
                return false;
            }
            p = k + lowerKey.length;
            if (k == from || b.getByte(k - 1) != '"' || p >= end || b.getByte(p) != '"') {
                continue;
            }
            int q = skipWhitespace(b, p + 1, end);
            if (q >= end || b.getByte(q) != ':') {
                continue;
            }
            q = skipWhitespace(b, q + 1, end);
            if (q < end && b.getByte(q) == '"' && startsWithIgnoreCase(b, q + 1, end, lowerValue)
                    && q + 1 + lowerValue.length < end && b.getByte(q + 1 + lowerValue.length) == '"') {
                return true;
            }
        }
        return false;
    }
}
