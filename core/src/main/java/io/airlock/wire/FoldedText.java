package io.airlock.wire;

import io.netty.buffer.ByteBuf;

/** Header values of the text protocols (RTSP, HTTP, SIP) as strings, with obsolete line folding undone. */
public final class FoldedText {

    private FoldedText() {
    }

    /**
     * The bytes of {@code [from, to)} as ISO-8859-1 text; each line break with the white space around it becomes one
     * space (RFC 2616 §2.2 / RFC 3261 §7.3.1 folding).
     */
    public static String join(ByteBuf buffer, int from, int to) {
        StringBuilder sb = new StringBuilder(Math.max(0, to - from));
        boolean lineBreak = false;
        for (int p = from; p < to; p++) {
            int c = buffer.getUnsignedByte(p);
            if (c == '\r' || c == '\n') {
                lineBreak = true;
                continue;
            }
            if (lineBreak) {
                while (sb.length() > 0 && sb.charAt(sb.length() - 1) <= ' ') {
                    sb.setLength(sb.length() - 1);
                }
                if (c == ' ' || c == '\t') {
                    continue;
                }
                sb.append(' ');
                lineBreak = false;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
