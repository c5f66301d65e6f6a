package io.airlock.rtsp;

import io.airlock.wire.FoldedText;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.airlock.rtsp.RtspSyntax.equalsIgnoreCase;
import static io.airlock.rtsp.RtspSyntax.isTokenChar;
import static io.airlock.rtsp.RtspSyntax.parseDecimal;
import static io.airlock.rtsp.RtspSyntax.trimEnd;

/**
 * The header fields of one {@link RtspMessage} as offsets into its buffer, in message order (RFC 2326 §4.2):
 * {@code field-name ":" *LWS field-value}, a folded line continuing the value before it. Filled while the message is
 * parsed, read once it is valid; strings are only made when asked for.
 */
final class HeaderFields {

    private final int[] nameStart = new int[RtspMessage.MAX_HEADERS];
    private final int[] nameEnd = new int[RtspMessage.MAX_HEADERS];
    private final int[] valueStart = new int[RtspMessage.MAX_HEADERS];
    private final int[] valueEnd = new int[RtspMessage.MAX_HEADERS];
    private ByteBuf buffer;
    private int count;

    void reset() {
        buffer = null;
        count = 0;
    }

    int count() {
        return buffer == null ? 0 : count;
    }

    /** Parses the header line {@code b[start, end)} (no line ending) into the next field; null on success. */
    Rejection parse(final ByteBuf b, final int start, final int end) {
        if (count == RtspMessage.MAX_HEADERS) {
            return RtspRejection.TOO_MANY_HEADERS;
        }
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
        nameStart[count] = start;
        nameEnd[count] = ne;
        valueStart[count] = p;
        valueEnd[count] = trimEnd(b, p, end);
        count++;
        return null;
    }

    /** Whether a folded line may continue a value: there is a field before it. */
    boolean canFold() {
        return count > 0;
    }

    /** RFC 2616 §2.2 line folding: the last field's value continues to {@code b[start, end)}. */
    void fold(final ByteBuf b, final int start, final int end) {
        valueEnd[count - 1] = trimEnd(b, start, end);
    }

    /** The parse succeeded: the fields may now be read from {@code b}. */
    void attach(final ByteBuf b) {
        this.buffer = b;
    }

    String name(final int i) {
        return nameEnd[i] <= nameStart[i] ? ""
                : buffer.toString(nameStart[i], nameEnd[i] - nameStart[i], StandardCharsets.ISO_8859_1);
    }

    /** Trimmed value; folded continuation lines are joined with single spaces. */
    String value(final int i) {
        return FoldedText.join(buffer, valueStart[i], valueEnd[i]);
    }

    /** Index of the first field called {@code name} (case-insensitive), or -1. */
    int indexOf(final String name) {
        for (int i = 0; i < count(); i++) {
            if (equalsIgnoreCase(buffer, nameStart[i], nameEnd[i], name)) {
                return i;
            }
        }
        return -1;
    }

    /** Every value of {@code name} in message order. */
    List<String> values(final String name) {
        final List<String> out = new ArrayList<>(2);
        for (int i = 0; i < count(); i++) {
            if (equalsIgnoreCase(buffer, nameStart[i], nameEnd[i], name)) {
                out.add(value(i));
            }
        }
        return out;
    }

    /** Field {@code i}'s value as a decimal of at most 10 digits, or -1. */
    long decimal(final int i) {
        return parseDecimal(valueStart[i], valueEnd[i], buffer);
    }

    /** Content-Length: -1 absent, -2 malformed or conflicting, otherwise the value (possibly above the cap). */
    long contentLength() {
        long result = -1;
        for (int i = 0; i < count(); i++) {
            if (equalsIgnoreCase(buffer, nameStart[i], nameEnd[i], RtspMessage.CONTENT_LENGTH)) {
                final long v = decimal(i);
                if (v < 0 || (result >= 0 && v != result)) {
                    return -2;
                }
                result = v;
            }
        }
        return result;
    }
}
