package io.airlock.inspect;

import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;

/**
 * Guesses the codec of an RTP video stream from its payload headers when no SDP was captured. Each packet votes for
 * the codecs whose RFC 6184 / RFC 7798 payload header it could be; most packets fit only one.
 */
final class RtpCodecSniffer {

    /** Packets after which the majority decides. */
    private static final int DECIDE_AFTER = 8;

    private int h264Votes;
    private int h265Votes;
    private int packets;

    /** Votes with one payload; returns the codec once decided, else {@link Codec#UNKNOWN}. */
    Codec vote(ByteBuf buffer, int offset, int length) {
        if (length < 2) {
            return Codec.UNKNOWN;
        }
        int b0 = buffer.getUnsignedByte(offset);
        int b1 = buffer.getUnsignedByte(offset + 1);
        boolean h264 = plausibleH264(b0, b1);
        boolean h265 = plausibleH265(b0, b1);
        packets++;
        if (h264 && !h265) {
            return Codec.H264;
        }
        if (h265 && !h264) {
            return Codec.H265;
        }
        if (h264) {
            h264Votes++;
        }
        if (h265) {
            h265Votes++;
        }
        if (packets >= DECIDE_AFTER && h264Votes != h265Votes) {
            return h265Votes > h264Votes ? Codec.H265 : Codec.H264;
        }
        return Codec.UNKNOWN;
    }

    private static boolean plausibleH264(int b0, int b1) {
        if ((b0 & 0x80) != 0) {
            return false;
        }
        int type = b0 & 0x1F;
        if (type == 28) {
            return (b1 & 0x20) == 0 && (b1 & 0x1F) >= 1 && (b1 & 0x1F) <= 23;
        }
        return (type >= 1 && type <= 23) || type == 24;
    }

    private static boolean plausibleH265(int b0, int b1) {
        // F bit clear, LayerId 0, TemporalId + 1 non-zero (RFC 7798 §1.1.4).
        if ((b0 & 0x81) != 0 || (b1 & 0xF8) != 0 || (b1 & 0x07) == 0) {
            return false;
        }
        int type = (b0 >> 1) & 0x3F;
        return type <= 40 || type == 48 || type == 49;
    }
}
