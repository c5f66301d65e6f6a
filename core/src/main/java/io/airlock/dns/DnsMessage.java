package io.airlock.dns;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/** DNS message flyweight (interim: no compression, questions and A answers only). */
public final class DnsMessage {
    private ByteBuf buf;
    private int off;
    private int len;

    public Rejection wrap(ByteBuf buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        return null;
    }

    public boolean isResponse() {
        return len >= 12 && (buf.getUnsignedByte(off + 2) & 0x80) != 0;
    }

    public int questionCount() {
        return len >= 12 ? buf.getUnsignedShort(off + 4) : 0;
    }

    public int answerCount() {
        return len >= 12 ? buf.getUnsignedShort(off + 6) : 0;
    }

    public boolean questionName(int i, StringBuilder out) {
        int p = off + 12;
        int end = off + len;
        while (p < end) {
            int l = buf.getUnsignedByte(p++);
            if (l == 0) {
                return out.length() > 0;
            }
            if (l > 63 || p + l > end) {
                return false;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            for (int k = 0; k < l; k++) {
                out.append((char) buf.getUnsignedByte(p + k));
            }
            p += l;
        }
        return false;
    }

    public boolean answer(int i, DnsRecord into) {
        int p = off + 12;
        int end = off + len;
        while (p < end && buf.getUnsignedByte(p) != 0) {
            p += buf.getUnsignedByte(p) + 1;
        }
        p += 5;
        for (int a = 0; a <= i; a++) {
            if (p + 12 > end) {
                return false;
            }
            int type = buf.getUnsignedShort(p + 2);
            int rdlen = buf.getUnsignedShort(p + 10);
            if (a == i) {
                into.type = type;
                into.addressLength = Math.min(rdlen, 16);
                if (p + 12 + into.addressLength > end) {
                    return false;
                }
                buf.getBytes(p + 12, into.address, 0, into.addressLength);
                return true;
            }
            p += 12 + rdlen;
        }
        return false;
    }
}
