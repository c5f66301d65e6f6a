package io.airlock.rtsp;

import io.netty.buffer.ByteBuf;

/**
 * Decides where the next unit on an RTSP/interleaved TCP stream ends, without allocating. Used by
 * {@link InterleavedFramer}; {@link #unitLength} returns a length, {@link #NEED_MORE} or a negative verdict.
 */
final class FrameScanner {

    static final long NEED_MORE = 0;
    static final long GARBAGE = -1;
    static final long HEADERS_TOO_LONG = -2;
    static final long BODY_TOO_LONG = -3;
    static final long BAD_CONTENT_LENGTH = -4;

    static final int INTERLEAVED_HEADER_LENGTH = 4;
    static final int MAX_RESYNC_CHANNEL = 63;

    private static final byte DOLLAR = '$';
    private static final String[] METHODS = {
        "OPTIONS ", "DESCRIBE ", "ANNOUNCE ", "SETUP ", "PLAY ", "PAUSE ", "TEARDOWN ", "GET_PARAMETER ",
        "SET_PARAMETER ", "REDIRECT ", "RECORD ",
    };
    private static final String RESPONSE = "RTSP/";
    private static final String CONTENT_LENGTH = "content-length";

    private FrameScanner() {
    }

    /** Length of the unit starting at {@code start}, or NEED_MORE / a negative verdict. */
    static long unitLength(final ByteBuf b, final int start, final int end) {
        final int avail = end - start;
        if (avail <= 0) {
            return NEED_MORE;
        }
        if (b.getUnsignedByte(start) == DOLLAR) {
            if (avail < INTERLEAVED_HEADER_LENGTH) {
                return NEED_MORE;
            }
            final long total = INTERLEAVED_HEADER_LENGTH + (long) b.getUnsignedShort(start + 2);
            return total <= avail ? total : NEED_MORE;
        }
        final int verdict = textStart(b, start, end);
        if (verdict <= 0) {
            return verdict == 0 ? NEED_MORE : GARBAGE;
        }
        final int limit = (int) Math.min(end, (long) start + RtspMessage.MAX_HEADER_SECTION_LENGTH);
        final int headerEnd = headerEnd(b, start, limit);
        if (headerEnd < 0) {
            return limit - start >= RtspMessage.MAX_HEADER_SECTION_LENGTH ? HEADERS_TOO_LONG : NEED_MORE;
        }
        final long cl = contentLength(b, start, headerEnd);
        if (cl == -2) {
            return BAD_CONTENT_LENGTH;
        }
        if (cl > RtspMessage.MAX_CONTENT_LENGTH) {
            return BODY_TOO_LONG;
        }
        final long total = (long) (headerEnd - start) + Math.max(0, cl);
        return total <= avail ? total : NEED_MORE;
    }

    /** 1 when the bytes begin a response or request line, 0 when they are a prefix of one, -1 otherwise. */
    static int textStart(final ByteBuf b, final int start, final int end) {
        int best = matchPrefix(b, start, end, RESPONSE);
        if (best == 1) {
            return 1;
        }
        for (String m : METHODS) {
            final int r = matchPrefix(b, start, end, m);
            if (r == 1) {
                return 1;
            }
            best = Math.max(best, r);
        }
        return best;
    }

    /** Whether a resync may stop at {@code p}; {@code lineStart} says the previous byte was LF. */
    static boolean plausibleStart(final ByteBuf b, final int p, final int end, final boolean lineStart) {
        final int c = b.getUnsignedByte(p);
        if (c == DOLLAR) {
            if (end - p < INTERLEAVED_HEADER_LENGTH) {
                return true;
            }
            if (b.getUnsignedByte(p + 1) > MAX_RESYNC_CHANNEL) {
                return false;
            }
            final long next = p + INTERLEAVED_HEADER_LENGTH + (long) b.getUnsignedShort(p + 2);
            if (next < end) {
                final int n = b.getUnsignedByte((int) next);
                return n == DOLLAR || (n >= 'A' && n <= 'Z');
            }
            return true;
        }
        if (lineStart) {
            return textStart(b, p, end) >= 0;
        }
        // Mid-line only a status line counts: "RTSP/1.0 200"; a request line merely ends in "RTSP/1.0".
        final String status = "RTSP/1.0 ";
        final int r = matchPrefix(b, p, end, status);
        if (r <= 0) {
            return r == 0;
        }
        return end - p <= status.length() || Character.isDigit(b.getUnsignedByte(p + status.length()));
    }

    /** Index just past the blank line that ends the headers, or -1. Accepts CRLFCRLF, LFLF and mixtures. */
    static int headerEnd(final ByteBuf b, final int start, final int end) {
        boolean afterLf = false;
        for (int p = start; p < end; p++) {
            final int c = b.getUnsignedByte(p);
            if (c == '\n') {
                if (afterLf) {
                    return p + 1;
                }
                afterLf = true;
            } else if (c != '\r') {
                afterLf = false;
            }
        }
        return -1;
    }

    /** Content-Length found in the header section, -1 absent, -2 malformed. */
    static long contentLength(final ByteBuf b, final int start, final int end) {
        long result = -1;
        int p = start;
        while (p < end) {
            int le = b.indexOf(p, end, (byte) '\n');
            if (le < 0) {
                le = end;
            }
            if (matchesIgnoreCase(b, p, le, CONTENT_LENGTH)) {
                int q = p + CONTENT_LENGTH.length();
                while (q < le && isBlank(b.getUnsignedByte(q))) {
                    q++;
                }
                if (q < le && b.getUnsignedByte(q) == ':') {
                    q++;
                    int e = le;
                    while (e > q && b.getUnsignedByte(e - 1) <= ' ') {
                        e--;
                    }
                    while (q < e && isBlank(b.getUnsignedByte(q))) {
                        q++;
                    }
                    final long v = RtspSyntax.parseDecimal(q, e, b);
                    if (v < 0 || (result >= 0 && v != result)) {
                        return -2;
                    }
                    result = v;
                }
            }
            p = le + 1;
        }
        return result;
    }

    private static int matchPrefix(final ByteBuf b, final int start, final int end, final String s) {
        final int n = Math.min(end - start, s.length());
        for (int k = 0; k < n; k++) {
            if (b.getUnsignedByte(start + k) != s.charAt(k)) {
                return -1;
            }
        }
        return n == s.length() ? 1 : 0;
    }

    private static boolean matchesIgnoreCase(final ByteBuf b, final int start, final int end, final String lower) {
        if (end - start < lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            int c = b.getUnsignedByte(start + k);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(final int c) {
        return c == ' ' || c == '\t';
    }
}
