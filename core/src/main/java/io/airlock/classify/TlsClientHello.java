package io.airlock.classify;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The server name a TLS client asks for, read from the ClientHello in the first record of a connection (RFC 8446
 * §4.1.2, server_name RFC 6066 §3). Only the bytes present are read: a ClientHello cut by the end of the segment or
 * the record yields no name and the reason why.
 *
 * <pre>
 * record:     type(1)=22 legacy_version(2)=3.x length(2)
 * handshake:  type(1)=1 length(3)
 * hello:      version(2) random(32) session_id<0..32> cipher_suites<2..2^16-2> compression_methods<1..255>
 *             extensions<8..2^16-1>: type(2) length(2) data; server_name = 0:
 *             server_name_list<1..2^16-1>: name_type(1)=0 (host_name) HostName<1..2^16-1>
 * </pre>
 */
public final class TlsClientHello {

    public static final int RECORD_HEADER_LENGTH = 5;
    public static final int HANDSHAKE_HEADER_LENGTH = 4;
    public static final int EXTENSION_SERVER_NAME = 0;
    /** RFC 1035 limit on a host name in text form. */
    public static final int MAX_HOST_NAME_LENGTH = 253;
    /** Extensions visited at most; real hellos carry about twenty. */
    public static final int MAX_EXTENSIONS = 128;

    private static final TlsRejection[] REASONS = TlsRejection.values();

    private TlsClientHello() {
    }

    /** The SNI host_name of the ClientHello at {@code off}, or null when absent or malformed. */
    public static String serverName(ByteBuf buf, int off, int len) {
        long found = locate(buf, off, len);
        if (found < 0) {
            return null;
        }
        return buf.toString(Ascii.start(found), Ascii.end(found) - Ascii.start(found), StandardCharsets.US_ASCII);
    }

    /** Why {@link #serverName} has no answer for these bytes, or null when it has one. Allocation-free. */
    public static Rejection rejection(ByteBuf buf, int off, int len) {
        long found = locate(buf, off, len);
        return found < 0 ? REASONS[(int) -found - 1] : null;
    }

    /** The name's range packed by {@link Ascii#range}, or {@code -(reason ordinal + 1)}. */
    private static long locate(ByteBuf b, int off, int len) {
        if (len < RECORD_HEADER_LENGTH + HANDSHAKE_HEADER_LENGTH || off < 0 || (long) off + len > b.capacity()) {
            return fail(TlsRejection.TOO_SHORT);
        }
        if (!BinarySignatures.tlsClientHello(b, off, len)) {
            return fail(TlsRejection.NOT_CLIENT_HELLO);
        }
        int end = Math.min(off + len, off + RECORD_HEADER_LENGTH + b.getUnsignedShort(off + 3));
        int p = off + RECORD_HEADER_LENGTH + HANDSHAKE_HEADER_LENGTH;
        end = Math.min(end, p + b.getUnsignedMedium(off + RECORD_HEADER_LENGTH + 1));
        p += 2 + 32;
        if (p + 1 > end) {
            return fail(TlsRejection.TRUNCATED);
        }
        int sessionId = b.getUnsignedByte(p);
        if (sessionId > 32) {
            return fail(TlsRejection.BAD_LENGTH);
        }
        p += 1 + sessionId;
        if (p + 2 > end) {
            return fail(TlsRejection.TRUNCATED);
        }
        p += 2 + b.getUnsignedShort(p);
        if (p + 1 > end) {
            return fail(TlsRejection.TRUNCATED);
        }
        p += 1 + b.getUnsignedByte(p);
        if (p + 2 > end) {
            return p == end ? fail(TlsRejection.NO_SERVER_NAME) : fail(TlsRejection.TRUNCATED);
        }
        int extensionsEnd = p + 2 + b.getUnsignedShort(p);
        p += 2;
        for (int n = 0; n < MAX_EXTENSIONS && p + 4 <= Math.min(end, extensionsEnd); n++) {
            int type = b.getUnsignedShort(p);
            int length = b.getUnsignedShort(p + 2);
            p += 4;
            if (type == EXTENSION_SERVER_NAME) {
                return hostName(b, p, Math.min(p + length, end), p + length > end);
            }
            p += length;
        }
        return p < extensionsEnd && extensionsEnd > end ? fail(TlsRejection.TRUNCATED)
                : fail(TlsRejection.NO_SERVER_NAME);
    }

    private static long hostName(ByteBuf b, int p, int end, boolean cut) {
        if (p + 2 > end) {
            return fail(cut ? TlsRejection.TRUNCATED : TlsRejection.BAD_LENGTH);
        }
        int listEnd = p + 2 + b.getUnsignedShort(p);
        p += 2;
        while (p + 3 <= Math.min(end, listEnd)) {
            int type = b.getUnsignedByte(p);
            int length = b.getUnsignedShort(p + 1);
            p += 3;
            if (p + length > end) {
                return fail(cut || listEnd > end ? TlsRejection.TRUNCATED : TlsRejection.BAD_LENGTH);
            }
            if (type == 0) {
                return validName(b, p, length) ? Ascii.range(p, p + length) : fail(TlsRejection.BAD_SERVER_NAME);
            }
            p += length;
        }
        return fail(cut ? TlsRejection.TRUNCATED : TlsRejection.NO_SERVER_NAME);
    }

    /** RFC 6066 §3: ASCII host name, no trailing dot; letters, digits, hyphen, underscore and dots only. */
    private static boolean validName(ByteBuf b, int p, int length) {
        if (length == 0 || length > MAX_HOST_NAME_LENGTH) {
            return false;
        }
        for (int i = p; i < p + length; i++) {
            int c = b.getUnsignedByte(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return b.getUnsignedByte(p + length - 1) != '.';
    }

    private static long fail(TlsRejection reason) {
        return -reason.ordinal() - 1L;
    }
}
