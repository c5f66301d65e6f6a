package io.airlock.classify;

import io.netty.buffer.ByteBuf;

/** Payload classification (interim). */
public final class PayloadClassifier {
    private PayloadClassifier() {
    }

    public static Verdict classify(int protocol, int srcPort, int dstPort, ByteBuf buf, int off, int len) {
        if (len >= 4 && buf.getInt(off) == 0x50544350) {
            return Verdict.DAHUA_PTCP;
        }
        if (len >= 20 && buf.getInt(off + 4) == 0x2112A442) {
            return Verdict.STUN;
        }
        if (len >= 8 && (buf.toString(off, 8, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("RTSP/1.0")
                || buf.toString(off, Math.min(len, 8), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("OPTIONS "))) {
            return Verdict.RTSP;
        }
        if (protocol == 17 && (srcPort == 53 || dstPort == 53)) {
            return Verdict.DNS;
        }
        if (protocol == 17 && (srcPort == 123 || dstPort == 123)) {
            return Verdict.NTP;
        }
        if (len >= 12 && (buf.getUnsignedByte(off) >>> 6) == 2) {
            int pt = buf.getUnsignedByte(off + 1) & 0x7F;
            return pt >= 72 && pt <= 76 ? Verdict.RTCP : Verdict.RTP;
        }
        return Verdict.UNKNOWN;
    }

    public static Verdict portHint(int protocol, int dstPort) {
        return protocol == 6 && (dstPort == 7660 || dstPort == 7665 || dstPort == 7662 || dstPort == 7663
                || dstPort == 6011) ? Verdict.HIK_ISUP_PORT : Verdict.UNKNOWN;
    }

    public static Verdict classifyFrame(int etherType, ByteBuf buf, int off, int len) {
        return etherType == 0x8033 ? Verdict.HIK_SADP : Verdict.UNKNOWN;
    }
}
