package io.airlock.classify;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Flyweight over the head of an HTTP/1.x request in one TCP segment (RFC 9112 §3): method, target, header lines and
 * the part of the body this segment holds. {@link #wrap} records offsets once; header lookups are case-insensitive
 * and allocation-free, and strings are made only when asked for.
 */
public final class HttpRequestHead {

    public static final int MAX_HEADERS = 64;
    public static final int MAX_METHOD_LENGTH = 20;
    private static final byte[] HTTP_VERSION = Ascii.bytes("HTTP/1.");
    private static final String CONTENT_LENGTH = "Content-Length";

    private static final HttpRejection[] REASONS = HttpRejection.values();

    private final TextHead head = new TextHead(MAX_HEADERS);
    private ByteBuf buffer;
    private int bodyLength;

    /** Validates the request head at {@code offset}; null on success, even when the head is cut by the segment end. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        this.buffer = null;
        bodyLength = 0;
        int status = head.parse(buffer, offset, length);
        if (status != TextHead.OK) {
            return REASONS[status - 1];
        }
        if (!validRequestLine(buffer)) {
            return HttpRejection.BAD_REQUEST_LINE;
        }
        this.buffer = buffer;
        bodyLength = head.complete() ? head.end() - head.bodyOffset() : 0;
        int cl = head.indexOf(CONTENT_LENGTH, null);
        if (cl >= 0) {
            long declared = decimal(head.valueStart(cl), head.valueEnd(cl));
            if (declared >= 0 && declared < bodyLength) {
                bodyLength = (int) declared;
            }
        }
        return null;
    }

    private boolean validRequestLine(ByteBuf b) {
        int m = head.tokenStart(0);
        int mEnd = head.tokenEnd(0);
        if (mEnd - m > MAX_METHOD_LENGTH) {
            return false;
        }
        for (int p = m; p < mEnd; p++) {
            if (!Ascii.isTokenChar(b.getUnsignedByte(p))) {
                return false;
            }
        }
        int v = head.tokenStart(2);
        int vEnd = head.tokenEnd(2);
        return vEnd - v == HTTP_VERSION.length + 1 && Ascii.startsWith(b, v, vEnd, HTTP_VERSION)
                && Character.isDigit(b.getByte(vEnd - 1));
    }

    private long decimal(int from, int to) {
        if (to <= from || to - from > 10) {
            return -1;
        }
        long v = 0;
        for (int p = from; p < to; p++) {
            int c = buffer.getUnsignedByte(p);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v;
    }

    public ByteBuf buffer() {
        return buffer;
    }

    public int methodOffset() {
        return head.tokenStart(0);
    }

    public int methodLength() {
        return head.tokenEnd(0) - head.tokenStart(0);
    }

    /** Whether the method is exactly {@code method} (methods are case-sensitive, RFC 9110 §9.1). */
    public boolean methodIs(String method) {
        if (methodLength() != method.length()) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            if (buffer.getByte(methodOffset() + i) != method.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public String method() {
        return ascii(methodOffset(), head.tokenEnd(0));
    }

    public int targetOffset() {
        return head.tokenStart(1);
    }

    public int targetLength() {
        return head.tokenEnd(1) - head.tokenStart(1);
    }

    public String target() {
        return ascii(targetOffset(), head.tokenEnd(1));
    }

    /** Header lines read; a folded value counts once. */
    public int headerCount() {
        return head.headerCount();
    }

    /** Index of the first header called {@code name} (case-insensitive), or -1. Allocation-free. */
    public int indexOf(CharSequence name) {
        return head.indexOf(name, null);
    }

    public int nameOffset(int i) {
        return head.nameStart(i);
    }

    public int nameLength(int i) {
        return head.nameEnd(i) - head.nameStart(i);
    }

    public int valueOffset(int i) {
        return head.valueStart(i);
    }

    public int valueLength(int i) {
        return head.valueEnd(i) - head.valueStart(i);
    }

    /** The trimmed value of the first header called {@code name}, folded lines joined; null when absent. */
    public String header(CharSequence name) {
        int i = indexOf(name);
        return i < 0 ? null : head.text(head.valueStart(i), head.valueEnd(i));
    }

    /** Whether the empty line ending the head is in this segment. */
    public boolean headComplete() {
        return head.complete();
    }

    /** Start of the body in this segment (the segment end when the head is not complete). */
    public int bodyOffset() {
        return head.bodyOffset();
    }

    /** Body bytes present in this segment, capped by Content-Length. */
    public int bodyLength() {
        return bodyLength;
    }

    private String ascii(int from, int to) {
        return buffer.toString(from, to - from, StandardCharsets.ISO_8859_1);
    }
}
