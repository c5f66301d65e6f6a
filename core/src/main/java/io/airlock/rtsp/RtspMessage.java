package io.airlock.rtsp;

import io.airlock.wire.FoldedText;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyweight over one complete RTSP 1.0 message (RFC 2326 §6 and §7).
 *
 * <pre>
 * Request  = Method SP Request-URI SP RTSP-Version CRLF *(header CRLF) CRLF [body]
 * Response = RTSP-Version SP Status-Code SP Reason-Phrase CRLF *(header CRLF) CRLF [body]
 * header   = field-name ":" *LWS field-value      ; folded lines start with SP or HT
 * </pre>
 *
 * <p>Tolerates LF-only and mixed line endings, {@code Cseq} spelling, padding spaces around values and a status line
 * without a reason phrase. Offsets are recorded once in {@link #wrap}; strings are only made when asked for.
 */
public final class RtspMessage {

    public static final int MAX_HEADER_SECTION_LENGTH = 64 * 1024;
    public static final int MAX_LINE_LENGTH = 8 * 1024;
    public static final int MAX_HEADERS = 128;
    public static final int MAX_CONTENT_LENGTH = 1024 * 1024;
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CSEQ = "CSeq";

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final int[] nameStart = new int[MAX_HEADERS];
    private final int[] nameEnd = new int[MAX_HEADERS];
    private final int[] valueStart = new int[MAX_HEADERS];
    private final int[] valueEnd = new int[MAX_HEADERS];

    private ByteBuf buffer;
    private int offset;
    private int headerCount;
    private boolean request;
    private int token1Start;
    private int token1End;
    private int token2Start;
    private int token2End;
    private int token3Start;
    private int token3End;
    private int statusCode;
    private int contentLength;
    private int bodyOffset;
    private int bodyLength;

    /** Validates the message in {@code buffer[offset, offset + length)}; null on success. */
    public Rejection wrap(final ByteBuf buffer, final int offset, final int length) {
        reset();
        if (buffer == null || length <= 0 || offset < 0 || (long) offset + length > buffer.capacity()) {
            return RtspRejection.EMPTY;
        }
        final int end = offset + length;
        final int lineEnd = findLineEnd(buffer, offset, end);
        if (lineEnd < 0) {
            return length > MAX_LINE_LENGTH ? RtspRejection.LINE_TOO_LONG : RtspRejection.HEADERS_INCOMPLETE;
        }
        if (lineEnd - offset > MAX_LINE_LENGTH) {
            return RtspRejection.LINE_TOO_LONG;
        }
        Rejection r = parseStartLine(buffer, offset, trimCr(buffer, offset, lineEnd));
        if (r != null) {
            return r;
        }
        int pos = lineEnd + 1;
        int count = 0;
        while (true) {
            if (pos >= end) {
                return RtspRejection.HEADERS_INCOMPLETE;
            }
            if ((long) pos - offset > MAX_HEADER_SECTION_LENGTH) {
                return RtspRejection.TOO_LONG;
            }
            final int le = findLineEnd(buffer, pos, end);
            if (le < 0) {
                return end - pos > MAX_LINE_LENGTH ? RtspRejection.LINE_TOO_LONG : RtspRejection.HEADERS_INCOMPLETE;
            }
            if (le - pos > MAX_LINE_LENGTH) {
                return RtspRejection.LINE_TOO_LONG;
            }
            final int content = trimCr(buffer, pos, le);
            if (content == pos) {
                pos = le + 1;
                break;
            }
            final int first = buffer.getUnsignedByte(pos);
            if ((first == ' ' || first == '\t') && count > 0) {
                // RFC 2326 §4.2 / RFC 2616 §2.2 line folding: the value continues on this line.
                valueEnd[count - 1] = trimEnd(buffer, pos, content);
            } else {
                if (count == MAX_HEADERS) {
                    return RtspRejection.TOO_MANY_HEADERS;
                }
                r = parseHeaderLine(buffer, pos, content, count);
                if (r != null) {
                    return r;
                }
                count++;
            }
            pos = le + 1;
        }
        if ((long) pos - offset > MAX_HEADER_SECTION_LENGTH) {
            return RtspRejection.TOO_LONG;
        }
        this.buffer = buffer;
        this.offset = offset;
        this.headerCount = count;
        final long cl = parseContentLength();
        if (cl == -2) {
            reset();
            return RtspRejection.BAD_CONTENT_LENGTH;
        }
        if (cl > MAX_CONTENT_LENGTH) {
            reset();
            return RtspRejection.BODY_TOO_LONG;
        }
        if (cl > end - pos) {
            reset();
            return RtspRejection.BODY_TRUNCATED;
        }
        contentLength = (int) cl;
        bodyOffset = pos;
        bodyLength = cl < 0 ? 0 : (int) cl;
        return null;
    }

    /** Drops the buffer. */
    public void reset() {
        buffer = null;
        headerCount = 0;
        statusCode = -1;
        contentLength = -1;
        bodyLength = 0;
        bodyOffset = 0;
        request = false;
    }

    public boolean isRequest() {
        return request;
    }

    /** Request method, e.g. "SETUP"; null for a response. */
    public String method() {
        return request ? ascii(token1Start, token1End) : null;
    }

    /** Request URI; null for a response. */
    public String uri() {
        return request ? ascii(token2Start, token2End) : null;
    }

    /** Status code of a response, -1 for a request. */
    public int statusCode() {
        return statusCode;
    }

    /** Reason phrase of a response (may be empty), null for a request. */
    public String reasonPhrase() {
        return request || buffer == null ? null : ascii(token3Start, token3End);
    }

    /** "RTSP/1.0" as written in the start line. */
    public String version() {
        if (buffer == null) {
            return null;
        }
        return request ? ascii(token3Start, token3End) : ascii(token1Start, token1End);
    }

    public int headerCount() {
        return headerCount;
    }

    public String headerName(final int i) {
        return ascii(nameStart[i], nameEnd[i]);
    }

    /** Trimmed value; folded continuation lines are joined with single spaces. */
    public String headerValue(final int i) {
        return FoldedText.join(buffer, valueStart[i], valueEnd[i]);
    }

    /** Index of the first header called {@code name} (case-insensitive), or -1. */
    public int indexOf(final String name) {
        for (int i = 0; i < headerCount; i++) {
            if (nameEquals(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** First value of {@code name} (case-insensitive), trimmed; null when absent. */
    public String header(final String name) {
        final int i = indexOf(name);
        return i < 0 ? null : headerValue(i);
    }

    /** Every value of {@code name} in message order. */
    public List<String> headers(final String name) {
        final List<String> out = new ArrayList<>(2);
        for (int i = 0; i < headerCount; i++) {
            if (nameEquals(i, name)) {
                out.add(headerValue(i));
            }
        }
        return out;
    }

    /** The CSeq value, or -1 when absent or not a non-negative int. */
    public int cseq() {
        final int i = indexOf(CSEQ);
        if (i < 0) {
            return -1;
        }
        final long v = parseDecimal(valueStart[i], valueEnd[i]);
        return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** Content-Length, or -1 when absent. */
    public int contentLength() {
        return contentLength;
    }

    public int bodyOffset() {
        return bodyOffset;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** Length of the whole message (headers plus body); bytes after it in the wrapped range are ignored. */
    public int length() {
        return buffer == null ? 0 : bodyOffset + bodyLength - offset;
    }

    /** The body decoded as UTF-8 (invalid sequences replaced); "" when there is none. */
    public String body() {
        if (buffer == null || bodyLength == 0) {
            return "";
        }
        return buffer.toString(bodyOffset, bodyLength, StandardCharsets.UTF_8);
    }

    public ByteBuf buffer() {
        return buffer;
    }

    private Rejection parseStartLine(final ByteBuf b, final int start, final int end) {
        int p = start;
        token1Start = p;
        while (p < end && !isSpace(b.getUnsignedByte(p))) {
            p++;
        }
        token1End = p;
        while (p < end && isSpace(b.getUnsignedByte(p))) {
            p++;
        }
        token2Start = p;
        while (p < end && !isSpace(b.getUnsignedByte(p))) {
            p++;
        }
        token2End = p;
        while (p < end && isSpace(b.getUnsignedByte(p))) {
            p++;
        }
        token3Start = p;
        token3End = trimEnd(b, p, end);
        if (token1End == token1Start) {
            return RtspRejection.BAD_START_LINE;
        }
        if (startsWith(b, token1Start, token1End, "RTSP/")) {
            if (!isVersion(b, token1Start, token1End)) {
                return RtspRejection.BAD_VERSION;
            }
            if (token2End - token2Start != 3) {
                return RtspRejection.BAD_STATUS_CODE;
            }
            final long code = parseDecimal(token2Start, token2End, b);
            if (code < 100) {
                return RtspRejection.BAD_STATUS_CODE;
            }
            for (int q = token3Start; q < token3End; q++) {
                final int c = b.getUnsignedByte(q);
                if (c < ' ' && c != '\t' || c == 0x7F) {
                    return RtspRejection.BAD_CHARACTER;
                }
            }
            statusCode = (int) code;
            request = false;
            return null;
        }
        for (int q = token1Start; q < token1End; q++) {
            if (!isTokenChar(b.getUnsignedByte(q))) {
                return RtspRejection.BAD_METHOD;
            }
        }
        if (token2End == token2Start) {
            return RtspRejection.BAD_URI;
        }
        for (int q = token2Start; q < token2End; q++) {
            final int c = b.getUnsignedByte(q);
            if (c < ' ' || c == 0x7F) {
                return RtspRejection.BAD_URI;
            }
        }
        if (token3End - token3Start == 0 || !isVersion(b, token3Start, token3End)) {
            return RtspRejection.BAD_VERSION;
        }
        request = true;
        return null;
    }

    private Rejection parseHeaderLine(final ByteBuf b, final int start, final int end, final int i) {
        int p = start;
        while (p < end && isTokenChar(b.getUnsignedByte(p))) {
            p++;
        }
        final int ne = p;
        while (p < end && (b.getUnsignedByte(p) == ' ' || b.getUnsignedByte(p) == '\t')) {
            p++;
        }
        if (ne == start || p >= end || b.getUnsignedByte(p) != ':') {
            return RtspRejection.BAD_HEADER_LINE;
        }
        p++;
        for (int q = p; q < end; q++) {
            final int c = b.getUnsignedByte(q);
            if (c < ' ' && c != '\t' || c == 0x7F) {
                return RtspRejection.BAD_CHARACTER;
            }
        }
        while (p < end && (b.getUnsignedByte(p) == ' ' || b.getUnsignedByte(p) == '\t')) {
            p++;
        }
        nameStart[i] = start;
        nameEnd[i] = ne;
        valueStart[i] = p;
        valueEnd[i] = trimEnd(b, p, end);
        return null;
    }

    /** -1 absent, -2 malformed or conflicting, otherwise the value (possibly above the cap). */
    private long parseContentLength() {
        long result = -1;
        for (int i = 0; i < headerCount; i++) {
            if (nameEquals(i, CONTENT_LENGTH)) {
                final long v = parseDecimal(valueStart[i], valueEnd[i]);
                if (v < 0 || (result >= 0 && v != result)) {
                    return -2;
                }
                result = v;
            }
        }
        return result;
    }

    private long parseDecimal(final int start, final int end) {
        return parseDecimal(start, end, buffer);
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

    private boolean nameEquals(final int i, final String name) {
        final int len = nameEnd[i] - nameStart[i];
        if (len != name.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (lower(buffer.getUnsignedByte(nameStart[i] + k)) != lower(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private String ascii(final int start, final int end) {
        return buffer == null || end <= start ? "" : buffer.toString(start, end - start, StandardCharsets.ISO_8859_1);
    }

    static int findLineEnd(final ByteBuf b, final int start, final int end) {
        final int idx = b.indexOf(start, end, LF);
        return idx;
    }

    private static int trimCr(final ByteBuf b, final int start, final int lf) {
        return lf > start && b.getUnsignedByte(lf - 1) == CR ? lf - 1 : lf;
    }

    private static int trimEnd(final ByteBuf b, final int start, final int end) {
        int e = end;
        while (e > start && b.getUnsignedByte(e - 1) <= ' ') {
            e--;
        }
        return e;
    }

    private static boolean isVersion(final ByteBuf b, final int start, final int end) {
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

    private static boolean isDigit(final int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(final int c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 2616 §2.2 token characters. */
    static boolean isTokenChar(final int c) {
        if (c <= ' ' || c >= 0x7F) {
            return false;
        }
        return "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private static int lower(final int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
