package io.airlock.rtp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Flyweight over the ONVIF replay RTP header extension (ONVIF Streaming Specification §6.3), profile 0xABAC or the
 * alternative 0xABAD, length 3 words.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      0xABAC                   |        length = 3             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          NTP timestamp...                     |
 * |                          ...NTP timestamp                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|E|D|T|  mbz  |     CSeq      |            padding            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class OnvifReplayExtension {

    public static final int PROFILE = 0xABAC;
    public static final int ALTERNATIVE_PROFILE = 0xABAD;
    public static final int LENGTH = 12;
    public static final int NTP_TIMESTAMP_OFFSET = 0;
    public static final int FLAGS_OFFSET = 8;
    public static final int CSEQ_OFFSET = 9;

    private ByteBuf buffer;
    private int offset;

    /** Wraps the extension of a valid RTP packet. */
    public Rejection wrap(RtpPacket packet) {
        if (!packet.extension()) {
            reset();
            return RtpRejection.NO_EXTENSION;
        }
        return wrap(packet.buffer(), packet.extensionProfile(), packet.extensionOffset(), packet.extensionLength());
    }

    /** Wraps extension data ({@code length} bytes after the 4-byte extension header) of the given profile. */
    public Rejection wrap(ByteBuf buffer, int profile, int offset, int length) {
        reset();
        if (profile != PROFILE && profile != ALTERNATIVE_PROFILE) {
            return RtpRejection.ONVIF_BAD_PROFILE;
        }
        if (length != LENGTH) {
            return RtpRejection.ONVIF_BAD_LENGTH;
        }
        if (offset < 0 || (long) offset + length > buffer.capacity()) {
            return RtpRejection.EXTENSION_OVERRUN;
        }
        this.buffer = buffer;
        this.offset = offset;
        return null;
    }

    public void reset() {
        buffer = null;
        offset = 0;
    }

    /** 64-bit NTP timestamp (seconds since 1900 in the high 32 bits, fraction in the low 32 bits). */
    public long ntpTimestamp() {
        return buffer.getLong(offset + NTP_TIMESTAMP_OFFSET);
    }

    /** C: the access unit is a clean point (a keyframe). */
    public boolean cleanPoint() {
        return (flags() & 0x80) != 0;
    }

    /** E: the end of a contiguous section of recording. */
    public boolean end() {
        return (flags() & 0x40) != 0;
    }

    /** D: discontinuity, the first packet after a gap. */
    public boolean discontinuity() {
        return (flags() & 0x20) != 0;
    }

    /** T: the packet is the last of the response to a request (terminal). */
    public boolean terminal() {
        return (flags() & 0x10) != 0;
    }

    /** The four must-be-zero bits; non-zero values are worth noting. */
    public int mbz() {
        return flags() & 0x0F;
    }

    /** Low 8 bits of the RTSP CSeq of the request this packet answers. */
    public int cseq() {
        return buffer.getUnsignedByte(offset + CSEQ_OFFSET);
    }

    private int flags() {
        return buffer.getUnsignedByte(offset + FLAGS_OFFSET);
    }
}
