package io.airlock.classify;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Flyweight over the head of a SIP message (RFC 3261 §7): request method and Request-URI or response status, and
 * the From/To user parts with their compact forms ({@code f}, {@code t}, §7.3.3). {@link #gb28181DeviceId()} picks
 * the 20-digit GB/T 28181 code of the device among them. Offsets are recorded once; strings are made when asked for.
 */
public final class SipMessage {

    public static final int MAX_HEADERS = 64;
    public static final int GB28181_ID_LENGTH = 20;
    private static final byte[] SIP_VERSION = Ascii.bytes("SIP/2.0");
    private static final byte[] SIP_SCHEME = Ascii.bytes("sip:");
    private static final byte[] SIPS_SCHEME = Ascii.bytes("sips:");
    /** Longest user part returned; GB/T 28181 ids are 20 digits, telephone numbers shorter. */
    private static final int MAX_USER_LENGTH = 64;

    private static final SipRejection[] REASONS = SipRejection.values();

    private final TextHead head = new TextHead(MAX_HEADERS);
    private ByteBuf buffer;
    private boolean request;
    private int statusCode;

    /** Validates the message head at {@code offset}; null on success, even when the head is cut by the segment end. */
    public Rejection wrap(ByteBuf buffer, int offset, int length) {
        this.buffer = null;
        statusCode = -1;
        int status = head.parse(buffer, offset, length);
        if (status != TextHead.OK) {
            return REASONS[status - 1];
        }
        if (isVersion(buffer, 0)) {
            int code = head.tokenStart(1);
            if (head.tokenEnd(1) - code != 3 || !digits(buffer, code, code + 3)) {
                return SipRejection.BAD_START_LINE;
            }
            request = false;
            statusCode = (buffer.getByte(code) - '0') * 100 + (buffer.getByte(code + 1) - '0') * 10
                    + buffer.getByte(code + 2) - '0';
        } else if (isVersion(buffer, 2)) {
            for (int p = head.tokenStart(0); p < head.tokenEnd(0); p++) {
                if (!Ascii.isTokenChar(buffer.getUnsignedByte(p))) {
                    return SipRejection.BAD_START_LINE;
                }
            }
            request = true;
        } else {
            return SipRejection.BAD_START_LINE;
        }
        this.buffer = buffer;
        return null;
    }

    private boolean isVersion(ByteBuf b, int token) {
        int from = head.tokenStart(token);
        return head.tokenEnd(token) - from == SIP_VERSION.length && Ascii.startsWith(b, from, head.tokenEnd(token),
                SIP_VERSION);
    }

    public boolean isRequest() {
        return request;
    }

    /** Status code of a response, -1 for a request. */
    public int statusCode() {
        return statusCode;
    }

    /** Request method, e.g. "REGISTER"; null for a response. */
    public String method() {
        return request ? ascii(head.tokenStart(0), head.tokenEnd(0)) : null;
    }

    /** Request-URI; null for a response. */
    public String requestUri() {
        return request ? ascii(head.tokenStart(1), head.tokenEnd(1)) : null;
    }

    /** The trimmed value of the first header called {@code name} or {@code compact}; null when absent. */
    public String header(String name, String compact) {
        int i = head.indexOf(name, compact);
        return i < 0 ? null : head.text(head.valueStart(i), head.valueEnd(i));
    }

    public int requestUriOffset() {
        return head.tokenStart(1);
    }

    public int requestUriLength() {
        return head.tokenEnd(1) - head.tokenStart(1);
    }

    /** User part of the From URI ({@code sip:user@host}), without any password; null when there is none. */
    public String fromUser() {
        return headerUser("From", "f");
    }

    /** User part of the To URI; null when there is none. */
    public String toUser() {
        return headerUser("To", "t");
    }

    /** User part of the Request-URI; null for a response or a URI without one. */
    public String requestUriUser() {
        return request ? user(head.tokenStart(1), head.tokenEnd(1)) : null;
    }

    /**
     * The GB/T 28181 code of the device: among the From, To and Request-URI users that are 20 digits, the first
     * whose type code (digits 11-13) is a front-end device (111-199) rather than a platform (200 and up), else the
     * first 20-digit one; null when there is none.
     */
    public String gb28181DeviceId() {
        String[] candidates = {fromUser(), toUser(), requestUriUser()};
        String any = null;
        for (String c : candidates) {
            if (c == null || c.length() != GB28181_ID_LENGTH || !c.chars().allMatch(Character::isDigit)) {
                continue;
            }
            int type = Integer.parseInt(c.substring(10, 13));
            if (type >= 111 && type < 200) {
                return c;
            }
            if (any == null) {
                any = c;
            }
        }
        return any;
    }

    private String headerUser(String name, String compact) {
        int i = head.indexOf(name, compact);
        return i < 0 ? null : user(head.valueStart(i), head.valueEnd(i));
    }

    /** The userinfo user of the first sip:/sips: URI in {@code [from, to)}, stopping at ':' (password) or '@'. */
    private String user(int from, int to) {
        int scheme = Ascii.indexOfIgnoreCase(buffer, from, to, SIP_SCHEME);
        int start = scheme + SIP_SCHEME.length;
        if (scheme < 0) {
            scheme = Ascii.indexOfIgnoreCase(buffer, from, to, SIPS_SCHEME);
            start = scheme + SIPS_SCHEME.length;
        }
        if (scheme < 0) {
            return null;
        }
        int at = -1;
        int userEnd = -1;
        for (int p = start; p < to; p++) {
            int c = buffer.getByte(p);
            if (c == '@') {
                at = p;
                break;
            }
            if (c == '>' || c == ';' || c == ' ') {
                break;
            }
            if (c == ':' && userEnd < 0) {
                userEnd = p;
            }
        }
        if (at < 0) {
            return null;
        }
        int end = userEnd < 0 ? at : userEnd;
        return end == start || end - start > MAX_USER_LENGTH ? null : ascii(start, end);
    }

    private static boolean digits(ByteBuf b, int from, int to) {
        for (int p = from; p < to; p++) {
            if (b.getByte(p) < '0' || b.getByte(p) > '9') {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return buffer.toString(from, to - from, StandardCharsets.ISO_8859_1);
    }
}
