package io.airlock.proxy.camera;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * Writes RTSP 1.0 requests toward a camera (RFC 2326 §6): {@code CSeq} first (some cameras answer nothing without it
 * early), {@code User-Agent: Airlock/<version>}, then Authorization and Session when known. Header values never hold
 * CR or LF: anything the camera supplied is stripped of them before it is echoed.
 */
final class CameraRequests {

    static final String USER_AGENT = "Airlock/" + version();
    static final int MAX_REQUEST_LENGTH = 16 * 1024;

    private CameraRequests() {
    }

    /**
     * One request; {@code authorization}, {@code session} and {@code extraName} may be null.
     */
    static ByteBuf encode(final ByteBufAllocator alloc, final String method, final String uri, final int cseq,
                          final String authorization, final String session, final String extraName,
                          final String extraValue) {
        final StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(clean(uri)).append(" RTSP/1.0\r\n");
        sb.append("CSeq: ").append(cseq).append("\r\n");
        sb.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        if (authorization != null) {
            sb.append("Authorization: ").append(clean(authorization)).append("\r\n");
        }
        if (session != null) {
            sb.append("Session: ").append(clean(session)).append("\r\n");
        }
        if (extraName != null && extraValue != null) {
            sb.append(extraName).append(": ").append(clean(extraValue)).append("\r\n");
        }
        sb.append("\r\n");
        final ByteBuf out = alloc.buffer(sb.length());
        ByteBufUtil.writeUtf8(out, sb);
        return out;
    }

    private static String clean(final String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\r", "").replace("\n", "");
    }

    private static String version() {
        final String v = CameraRequests.class.getPackage().getImplementationVersion();
        return v == null ? "0.1" : v;
    }
}
