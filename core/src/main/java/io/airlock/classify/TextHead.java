package io.airlock.classify;

import io.airlock.wire.FoldedText;
import io.netty.buffer.ByteBuf;

/**
 * The head of a text message as HTTP/1.1 (RFC 9112 §2.1) and SIP (RFC 3261 §7) share it: a start line of three
 * space-separated tokens, header lines up to an empty line, then the body. Records offsets only; tolerates LF-only
 * line ends and folded lines; bounded in header count and head length. A head cut by the end of the segment is
 * kept with the lines that are complete ({@link #complete()} false).
 */
final class TextHead {

    /** Status of {@link #parse}; a failure's code is 1 + the ordinal of the matching constant in HttpRejection and
     * SipRejection, which list their reasons in this order. */
    static final int OK = 0;
    static final int EMPTY = 1;
    static final int START_LINE_INCOMPLETE = 2;
    static final int HEAD_TOO_LONG = 3;
    static final int BAD_START_LINE = 4;
    static final int TOO_MANY_HEADERS = 5;
    static final int BAD_HEADER_LINE = 6;

    static final int MAX_HEAD_LENGTH = 16 * 1024;

    private final int[] nameStart;
    private final int[] nameEnd;
    private final int[] valueStart;
    private final int[] valueEnd;
    private final int[] tokens = new int[6];
    private ByteBuf buffer;
    private int count;
    private boolean complete;
    private int bodyOffset;
    private int end;

    TextHead(int maxHeaders) {
        nameStart = new int[maxHeaders];
        nameEnd = new int[maxHeaders];
        valueStart = new int[maxHeaders];
        valueEnd = new int[maxHeaders];
    }

    /** Parses the head at {@code offset}; one of the status constants. */
    int parse(ByteBuf b, int offset, int length) {
        buffer = null;
        count = 0;
        complete = false;
        if (b == null || length <= 0 || offset < 0 || (long) offset + length > b.capacity()) {
            return EMPTY;
        }
        int segmentEnd = offset + length;
        int limit = offset + Math.min(length, MAX_HEAD_LENGTH);
        int lf = Ascii.lineEnd(b, offset, limit);
        if (lf < 0) {
            return limit < segmentEnd ? HEAD_TOO_LONG : START_LINE_INCOMPLETE;
        }
        if (!startLine(b, offset, Ascii.trimCr(b, offset, lf))) {
            return BAD_START_LINE;
        }
        int pos = lf + 1;
        while (pos < limit) {
            lf = Ascii.lineEnd(b, pos, limit);
            if (lf < 0) {
                break;
            }
            int content = Ascii.trimCr(b, pos, lf);
            if (content == pos) {
                complete = true;
                pos = lf + 1;
                break;
            }
            int first = b.getByte(pos);
            if ((first == ' ' || first == '\t') && count > 0) {
                valueEnd[count - 1] = content;
            } else if (count == nameStart.length) {
                return TOO_MANY_HEADERS;
            } else if (!headerLine(b, pos, content)) {
                return BAD_HEADER_LINE;
            }
            pos = lf + 1;
        }
        if (!complete && limit < segmentEnd) {
            return HEAD_TOO_LONG;
        }
        buffer = b;
        bodyOffset = complete ? pos : segmentEnd;
        end = segmentEnd;
        return OK;
    }

    private boolean startLine(ByteBuf b, int start, int lineEnd) {
        int p = start;
        for (int t = 0; t < 3; t++) {
            tokens[2 * t] = p;
            int stop = t == 2 ? lineEnd : b.indexOf(p, lineEnd, (byte) ' ');
            if (stop <= p) {
                return false;
            }
            tokens[2 * t + 1] = stop;
            p = stop + 1;
        }
        for (int q = start; q < lineEnd; q++) {
            int c = b.getUnsignedByte(q);
            if (c < ' ' && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private boolean headerLine(ByteBuf b, int start, int lineEnd) {
        int p = start;
        while (p < lineEnd && Ascii.isTokenChar(b.getUnsignedByte(p))) {
            p++;
        }
        int colon = Ascii.skipBlanks(b, p, lineEnd);
        if (p == start || colon >= lineEnd || b.getByte(colon) != ':') {
            return false;
        }
        int v = Ascii.skipBlanks(b, colon + 1, lineEnd);
        int e = lineEnd;
        while (e > v && (b.getByte(e - 1) == ' ' || b.getByte(e - 1) == '\t')) {
            e--;
        }
        nameStart[count] = start;
        nameEnd[count] = p;
        valueStart[count] = v;
        valueEnd[count] = e;
        count++;
        return true;
    }

    /** Start of start-line token {@code t} (0-2). */
    int tokenStart(int t) {
        return tokens[2 * t];
    }

    int tokenEnd(int t) {
        return tokens[2 * t + 1];
    }

    int headerCount() {
        return count;
    }

    /** Index of the first header named {@code name} or, when given, its compact form; -1 when absent. */
    int indexOf(CharSequence name, CharSequence compact) {
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name) || compact != null && nameIs(i, compact)) {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(int i, CharSequence name) {
        int n = nameEnd[i] - nameStart[i];
        if (n != name.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (Ascii.lower(buffer.getUnsignedByte(nameStart[i] + k)) != Ascii.lower(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    int nameStart(int i) {
        return nameStart[i];
    }

    int nameEnd(int i) {
        return nameEnd[i];
    }

    int valueStart(int i) {
        return valueStart[i];
    }

    int valueEnd(int i) {
        return valueEnd[i];
    }

    boolean complete() {
        return complete;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    /** End of the wrapped segment. */
    int end() {
        return end;
    }

    /** Text of {@code [from, to)}; folded line breaks become single spaces. */
    String text(int from, int to) {
        return FoldedText.join(buffer, from, to);
    }
}
