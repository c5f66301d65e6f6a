package io.airlock.ingest;

import io.netty.buffer.ByteBuf;

/** Whether the first bytes of a TCP direction look like RTSP: a request, a reply, or an interleaved frame. */
final class RtspSniff {

    private static final String[] STARTS = {
        "RTSP/", "OPTIONS ", "DESCRIBE ", "SETUP ", "PLAY ", "PAUSE ", "TEARDOWN ", "GET_PARAMETER ",
        "SET_PARAMETER ", "ANNOUNCE ", "RECORD ", "REDIRECT ",
    };

    private RtspSniff() {
    }

    static boolean looksLikeRtsp(ByteBuf buf, int off, int len) {
        if (len >= 4 && buf.getByte(off) == '$') {
            return true;
        }
        for (String s : STARTS) {
            if (startsWith(buf, off, len, s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(ByteBuf buf, int off, int len, String s) {
        if (len < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf.getByte(off + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
