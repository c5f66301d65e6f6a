package io.airlock.classify;

import io.airlock.alert.Rule;
import io.netty.buffer.ByteBuf;

/**
 * Exploit requests travelling towards a camera, per the generic rules of threat-signatures §3: an HTTP request head
 * (and the body in the same segment) or a Dahua DHIP packet. Pure, thread-safe, and allocation-free: a benign request
 * costs a scan of its request line.
 */
public final class CveMatcher {

    /** Bytes of a segment that are searched at most. */
    public static final int MAX_SCAN = 64 * 1024;
    /** base64("admin:11\n"), the CVE-2017-7921 token. */
    static final String HIKVISION_BACKDOOR_AUTH = "YWRtaW46MTEK";

    private static final byte[] WEB_LANGUAGE = Ascii.bytes("/sdk/weblanguage");
    private static final byte[] RPC2_LOGIN = Ascii.bytes("/rpc2_login");
    private static final byte[] DEVICE_RSP = Ascii.bytes("/device.rsp");
    private static final byte[] AUTH_PARAMETER = Ascii.bytes("auth=");
    private static final byte[] BACKDOOR_AUTH = Ascii.bytes(HIKVISION_BACKDOOR_AUTH);
    private static final byte[] OPT_USER = Ascii.bytes("opt=user");
    private static final byte[] CMD_LIST = Ascii.bytes("cmd=list");
    private static final byte[] COOKIE = Ascii.bytes("cookie");
    private static final byte[] UID_ADMIN = Ascii.bytes("uid=admin");
    private static final byte[] GLOBAL_LOGIN = Ascii.bytes("global.login");
    private static final byte[] CLIENT_TYPE = Ascii.bytes("clienttype");
    private static final byte[] LOGIN_TYPE = Ascii.bytes("logintype");
    private static final byte[] NET_KEYBOARD = Ascii.bytes("netkeyboard");
    private static final byte[] LOCAL = Ascii.bytes("local");
    private static final byte[] LOOPBACK = Ascii.bytes("loopback");
    private static final byte[] LANGUAGE_OPEN = Ascii.bytes("<language>");
    private static final byte[] LANGUAGE_CLOSE = Ascii.bytes("</language>");
    private static final byte[] COMMAND_SUBSTITUTION = Ascii.bytes("$(");

    private CveMatcher() {
    }

    /** The CVE rule these bytes attempt, or null. */
    public static Rule match(ByteBuf buf, int off, int len) {
        if (len < 16 || off < 0 || (long) off + len > buf.capacity()) {
            return null;
        }
        int end = off + Math.min(len, MAX_SCAN);
        if (BinarySignatures.dhip(buf, off, len)) {
            return dahuaLogin(buf, off + BinarySignatures.DAHUA_HEADER_LENGTH, end);
        }
        int methodEnd = buf.indexOf(off, Math.min(end, off + HttpRequestHead.MAX_METHOD_LENGTH + 1), (byte) ' ');
        if (methodEnd <= off) {
            return null;
        }
        int target = methodEnd + 1;
        int lineEnd = Ascii.lineEnd(buf, target, end);
        int targetEnd = buf.indexOf(target, lineEnd < 0 ? end : lineEnd, (byte) ' ');
        if (targetEnd < 0) {
            return null;
        }
        int query = buf.indexOf(target, targetEnd, (byte) '?');
        int pathEnd = query < 0 ? targetEnd : query;
        boolean put = isMethod(buf, off, methodEnd, "PUT");
        boolean post = isMethod(buf, off, methodEnd, "POST");
        if ((put || post) && isPath(buf, target, pathEnd, WEB_LANGUAGE)) {
            return webLanguage(buf, off, end) ? Rule.CVE_2021_36260 : null;
        }
        if (post && isPath(buf, target, pathEnd, RPC2_LOGIN)) {
            int body = Ascii.headEnd(buf, off, end);
            return body < 0 ? null : dahuaLogin(buf, body, end);
        }
        if (query < 0) {
            return null;
        }
        if (isPath(buf, target, pathEnd, DEVICE_RSP) && hasParameter(buf, query, targetEnd, OPT_USER)
                && hasParameter(buf, query, targetEnd, CMD_LIST)) {
            long cookie = Ascii.headerValue(buf, off, end, COOKIE);
            boolean admin = cookie != Ascii.NONE
                    && Ascii.indexOfIgnoreCase(buf, Ascii.start(cookie), Ascii.end(cookie), UID_ADMIN) >= 0;
            return admin ? Rule.CVE_2018_9995 : null;
        }
        int auth = parameter(buf, query, targetEnd, AUTH_PARAMETER);
        if (auth >= 0 && Ascii.startsWith(buf, auth, targetEnd, BACKDOOR_AUTH)) {
            return Rule.CVE_2017_7921;
        }
        return null;
    }

    /**
     * CVE-2021-36260: the body is not in this segment, or the {@code <language>} element holds anything but a
     * language name (letters, digits, '-', '_'); without that element, a shell metacharacter anywhere in the body.
     */
    private static boolean webLanguage(ByteBuf b, int off, int end) {
        int body = Ascii.headEnd(b, off, end);
        if (body < 0 || body == end) {
            return true;
        }
        int open = Ascii.indexOfIgnoreCase(b, body, end, LANGUAGE_OPEN);
        if (open >= 0) {
            int from = open + LANGUAGE_OPEN.length;
            int close = Ascii.indexOfIgnoreCase(b, from, end, LANGUAGE_CLOSE);
            for (int p = from, to = close < 0 ? end : close; p < to; p++) {
                int c = b.getUnsignedByte(p);
                boolean name = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                        || c == '_';
                if (!name) {
                    return true;
                }
            }
            return false;
        }
        if (Ascii.indexOfIgnoreCase(b, body, end, COMMAND_SUBSTITUTION) >= 0) {
            return true;
        }
        for (int p = body; p < end; p++) {
            int c = b.getByte(p);
            if (c == '`' || c == ';' || c == '|' || c == '>') {
                return true;
            }
        }
        return false;
    }

    /** CVE-2021-33044/33045: a {@code global.login} whose JSON asks for the NetKeyboard or the loopback login. */
    private static Rule dahuaLogin(ByteBuf b, int from, int end) {
        if (from >= end || Ascii.indexOfIgnoreCase(b, from, end, GLOBAL_LOGIN) < 0) {
            return null;
        }
        if (Ascii.jsonMember(b, from, end, CLIENT_TYPE, NET_KEYBOARD)) {
            return Rule.CVE_2021_33044;
        }
        if (Ascii.jsonMember(b, from, end, LOGIN_TYPE, LOOPBACK)
                || Ascii.jsonMember(b, from, end, CLIENT_TYPE, LOCAL)) {
            return Rule.CVE_2021_33045;
        }
        return null;
    }

    private static boolean isMethod(ByteBuf b, int off, int methodEnd, String method) {
        if (methodEnd - off != method.length()) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            if (b.getByte(off + i) != method.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The path is {@code lowerPath}, ignoring case, or continues it with '/' (PSIA servers accept both). */
    private static boolean isPath(ByteBuf b, int from, int to, byte[] lowerPath) {
        return Ascii.startsWithIgnoreCase(b, from, to, lowerPath)
                && (to - from == lowerPath.length || b.getByte(from + lowerPath.length) == '/');
    }

    private static boolean hasParameter(ByteBuf b, int query, int to, byte[] lowerPair) {
        int at = parameter(b, query, to, lowerPair);
        return at >= 0 && (at == to || b.getByte(at) == '&' || b.getByte(at) == '#');
    }

    /** Position after {@code lowerName} where it starts a query parameter ('?' or '&' before it), or -1. */
    private static int parameter(ByteBuf b, int query, int to, byte[] lowerName) {
        int p = query;
        while (p < to) {
            int at = Ascii.indexOfIgnoreCase(b, p, to, lowerName);
            if (at < 0) {
                return -1;
            }
            int before = b.getByte(at - 1);
            if (before == '?' || before == '&') {
                return at + lowerName.length;
            }
            p = at + 1;
        }
        return -1;
    }
}
