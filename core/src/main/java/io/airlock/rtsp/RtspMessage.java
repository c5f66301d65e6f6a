package io.airlock.rtsp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.airlock.rtsp.RtspSyntax.findLineEnd;
import static io.airlock.rtsp.RtspSyntax.isSpace;
import static io.airlock.rtsp.RtspSyntax.isTokenChar;
import static io.airlock.rtsp.RtspSyntax.isVersion;
import static io.airlock.rtsp.RtspSyntax.parseDecimal;
import static io.airlock.rtsp.RtspSyntax.startsWith;
import static io.airlock.rtsp.RtspSyntax.trimCr;
import static io.airlock.rtsp.RtspSyntax.trimEnd;

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

    private final HeaderFields fields = new HeaderFields();
    private ByteBuf buffer;
    private int offset;
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
            if ((first == ' ' || first == '\t') && fields.canFold()) {
                // RFC 2326 §4.2 / RFC 2616 §2.2 line folding: the value continues on this line.
                fields.fold(buffer, pos, content);
            } else {
                r = fields.parse(buffer, pos, content);
                if (r != null) {
                    return r;
                }
            }
            pos = le + 1;
        }
        if ((long) pos - offset > MAX_HEADER_SECTION_LENGTH) {
            return RtspRejection.TOO_LONG;
        }
        this.buffer = buffer;
        this.offset = offset;
        fields.attach(buffer);
        final long cl = fields.contentLength();
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
        fields.reset();
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
        return fields.count();
    }

    public String headerName(final int i) {
        return fields.name(i);
    }

    /** Trimmed value; folded continuation lines are joined with single spaces. */
    public String headerValue(final int i) {
        return fields.value(i);
    }

    /** Index of the first header called {@code name} (case-insensitive), or -1. */
    public int indexOf(final String name) {
        return fields.indexOf(name);
    }

    /** First value of {@code name} (case-insensitive), trimmed; null when absent. */
    public String header(final String name) {
        final int i = indexOf(name);
        return i < 0 ? null : headerValue(i);
    }

    /** Every value of {@code name} in message order. */
    public List<String> headers(final String name) {
        return fields.values(name);
    }

    /** The CSeq value, or -1 when absent or not a non-negative int. */
    public int cseq() {
        final int i = indexOf(CSEQ);
        if (i < 0) {
            return -1;
        }
        final long v = fields.decimal(i);
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

    private String ascii(final int start, final int end) {
        return buffer == null || end <= start ? "" : buffer.toString(start, end - start, StandardCharsets.ISO_8859_1);
    }
}
