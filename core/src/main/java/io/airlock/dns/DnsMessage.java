package io.airlock.dns;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Flyweight over one DNS message, RFC 1035 §4.1 (without the 2-byte length prefix of DNS over TCP).
 *
 * <pre>
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * |                    QDCOUNT                    |
 * |                    ANCOUNT                    |
 * |                    NSCOUNT                    |
 * |                    ARCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * question: QNAME QTYPE(16) QCLASS(16); answer: NAME TYPE CLASS TTL(32) RDLENGTH(16) RDATA
 * </pre>
 *
 * {@link #wrap} validates the header, every question and every answer record once, following compression pointers
 * (RFC 1035 §4.1.4) under hard bounds: each pointer must point before the lowest position the name has visited so
 * far (no loops, no forward pointers), at most {@link #MAX_POINTERS} of them, 63-byte labels and 255-byte names.
 * Accessors then trust the layout; names are appended to caller-supplied builders, so nothing allocates.
 */
public final class DnsMessage {

    public static final int HEADER_LENGTH = 12;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_LABEL_LENGTH = 63;
    public static final int MAX_POINTERS = 16;
    public static final int MAX_QUESTIONS = 8;
    public static final int MAX_ANSWERS = 64;
    public static final int TYPE_A = 1;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_AAAA = 28;
    /** Question: QTYPE + QCLASS. */
    public static final int QUESTION_FIXED_LENGTH = 4;
    /** Record: TYPE + CLASS + TTL + RDLENGTH. */
    public static final int RECORD_FIXED_LENGTH = 10;

    private static final DnsRejection[] REASONS = DnsRejection.values();

    private final int[] questionNames = new int[MAX_QUESTIONS];
    private final int[] answerNames = new int[MAX_ANSWERS];
    private ByteBuf buffer;
    private int offset;
    private int end;
    private int questions;
    private int answers;

    /** Validates {@code length} bytes at {@code offset} as one DNS message; null when valid. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        reset();
        if (length < HEADER_LENGTH || offset < 0 || (long) offset + length > buffer.capacity()) {
            return DnsRejection.TOO_SHORT;
        }
        int end = offset + length;
        int qd = buffer.getUnsignedShort(offset + 4);
        int an = buffer.getUnsignedShort(offset + 6);
        if (qd > MAX_QUESTIONS) {
            return DnsRejection.TOO_MANY_QUESTIONS;
        }
        if (an > MAX_ANSWERS) {
            return DnsRejection.TOO_MANY_ANSWERS;
        }
        int pos = offset + HEADER_LENGTH;
        for (int i = 0; i < qd; i++) {
            questionNames[i] = pos;
            pos = nameEnd(buffer, offset, end, pos, end, null);
            if (pos < 0) {
                return rejection(pos);
            }
            if (pos + QUESTION_FIXED_LENGTH > end) {
                return DnsRejection.QUESTION_OVERRUN;
            }
            pos += QUESTION_FIXED_LENGTH;
        }
        for (int i = 0; i < an; i++) {
            answerNames[i] = pos;
            pos = nameEnd(buffer, offset, end, pos, end, null);
            if (pos < 0) {
                return rejection(pos);
            }
            if (pos + RECORD_FIXED_LENGTH > end) {
                return DnsRejection.RECORD_OVERRUN;
            }
            int type = buffer.getUnsignedShort(pos);
            int rdLength = buffer.getUnsignedShort(pos + 8);
            pos += RECORD_FIXED_LENGTH;
            if (pos + rdLength > end) {
                return DnsRejection.RECORD_OVERRUN;
            }
            if (type == TYPE_A && rdLength != 4 || type == TYPE_AAAA && rdLength != 16) {
                return DnsRejection.BAD_ADDRESS_LENGTH;
            }
            if (type == TYPE_CNAME && nameEnd(buffer, offset, end, pos, pos + rdLength, null) < 0) {
                return DnsRejection.RECORD_OVERRUN;
            }
            pos += rdLength;
        }
        this.buffer = buffer;
        this.offset = offset;
        this.end = end;
        this.questions = qd;
        this.answers = an;
        return null;
    }

    /** Drops the buffer reference. */
    public void reset() {
        buffer = null;
        offset = 0;
        end = 0;
        questions = 0;
        answers = 0;
    }

    public int id() {
        return buffer.getUnsignedShort(offset);
    }

    /** QR bit: a response rather than a query. */
    public boolean isResponse() {
        return (buffer.getUnsignedByte(offset + 2) & 0x80) != 0;
    }

    public int opcode() {
        return (buffer.getUnsignedByte(offset + 2) >>> 3) & 0x0F;
    }

    /** TC bit: the answer did not fit and was cut. */
    public boolean truncated() {
        return (buffer.getUnsignedByte(offset + 2) & 0x02) != 0;
    }

    public int rcode() {
        return buffer.getUnsignedByte(offset + 3) & 0x0F;
    }

    public int questionCount() {
        return questions;
    }

    public int answerCount() {
        return answers;
    }

    /** Appends the i-th question's name in presentation form to {@code out}; false when there is no such question. */
    public boolean questionName(int i, StringBuilder out) {
        if (buffer == null || i < 0 || i >= questions) {
            return false;
        }
        nameEnd(buffer, offset, end, questionNames[i], end, out);
        return true;
    }

    /** QTYPE of the i-th question, {@code 0 <= i < questionCount()}. */
    public int questionType(int i) {
        return buffer.getUnsignedShort(nameEnd(buffer, offset, end, questionNames[i], end, null));
    }

    /** Reads the i-th answer record into {@code into}; false when there is no such answer. */
    public boolean answer(int i, DnsRecord into) {
        into.reset();
        if (buffer == null || i < 0 || i >= answers) {
            return false;
        }
        int pos = nameEnd(buffer, offset, end, answerNames[i], end, into.nameBuilder());
        int type = buffer.getUnsignedShort(pos);
        int rdLength = buffer.getUnsignedShort(pos + 8);
        into.set(type, buffer.getUnsignedShort(pos + 2), buffer.getUnsignedInt(pos + 4));
        int rdata = pos + RECORD_FIXED_LENGTH;
        if (type == TYPE_A || type == TYPE_AAAA) {
            buffer.getBytes(rdata, into.addressBytes(), 0, rdLength);
            into.addressLength(rdLength);
        } else if (type == TYPE_CNAME) {
            nameEnd(buffer, offset, end, rdata, rdata + rdLength, into.targetBuilder());
        }
        return true;
    }

    /**
     * Position just after the name that starts at {@code pos} (after its root label, or after the first compression
     * pointer), or a negative value when the name is malformed; the whole chain is checked against the message
     * {@code [message, end)}. For a classifier that only needs to know that a question parses.
     */
    public static int skipName(ByteBuf buffer, int message, int pos, int end) {
        return nameEnd(buffer, message, end, pos, end, null);
    }

    /** Maps a negative {@link #skipName} result to its reason. */
    static DnsRejection rejection(int code) {
        return REASONS[-code - 1];
    }

    private static int fail(DnsRejection reason) {
        return -reason.ordinal() - 1;
    }

    /**
     * Walks the name at {@code pos}: its own labels must end before {@code end}; labels reached through a pointer
     * must end before {@code messageEnd}. Returns the position after the name in its original place, or a negative
     * {@link #fail} code.
     */
    private static int nameEnd(ByteBuf b, int message, int messageEnd, int pos, int end, StringBuilder out) {
        int limit = end;
        int lowest = pos;
        int after = -1;
        int wireLength = 0;
        int pointers = 0;
        int start = out == null ? 0 : out.length();
        while (true) {
            if (pos >= limit) {
                return fail(DnsRejection.NAME_OVERRUN);
            }
            int len = b.getUnsignedByte(pos);
            int kind = len & 0xC0;
            if (kind == 0xC0) {
                if (pos + 1 >= limit) {
                    return fail(DnsRejection.NAME_OVERRUN);
                }
                int target = message + (((len & 0x3F) << 8) | b.getUnsignedByte(pos + 1));
                if (target >= lowest || target < message + HEADER_LENGTH) {
                    return fail(DnsRejection.POINTER_NOT_BACKWARDS);
                }
                if (++pointers > MAX_POINTERS) {
                    return fail(DnsRejection.TOO_MANY_POINTERS);
                }
                if (after < 0) {
                    after = pos + 2;
                }
                limit = messageEnd;
                lowest = target;
                pos = target;
                continue;
            }
            if (kind != 0) {
                return fail(DnsRejection.BAD_LABEL_TYPE);
            }
            wireLength += len + 1;
            if (wireLength > MAX_NAME_LENGTH) {
                return fail(DnsRejection.NAME_TOO_LONG);
            }
            if (len == 0) {
                if (out != null && out.length() == start) {
                    out.append('.');
                }
                return after >= 0 ? after : pos + 1;
            }
            if (pos + 1 + len > limit) {
                return fail(DnsRejection.NAME_OVERRUN);
            }
            if (out != null) {
                appendLabel(b, pos + 1, len, out, out.length() > start);
            }
            pos += 1 + len;
        }
    }

    private static void appendLabel(ByteBuf b, int from, int len, StringBuilder out, boolean separator) {
        if (separator) {
            out.append('.');
        }
        for (int i = from; i < from + len; i++) {
            int c = b.getUnsignedByte(i);
            if (c == '.' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c > 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10))
                        .append((char) ('0' + c % 10));
            }
        }
    }
}
