package io.airlock.rtp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Writes the compound RTCP packet a camera sends for its stream: a sender report with no report blocks followed by
 * an SDES carrying the CNAME (RFC 3550 §6.1 requires both in every compound; §6.4.1 and §6.5.1 give the layouts).
 */
public final class SenderReportWriter {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;
    private static final int SDES_CNAME = 1;
    private static final int MAX_CNAME = 255;

    private final byte[] cname;

    /** @param cname canonical name, at most 255 bytes of UTF-8 */
    public SenderReportWriter(String cname) {
        this.cname = cname.getBytes(StandardCharsets.UTF_8);
        if (this.cname.length > MAX_CNAME) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
    }

    /** Bytes {@link #write} appends. */
    public int length() {
        return RtcpPacket.SR_MIN_LENGTH + sdesLength();
    }

    /**
     * Appends the compound packet to {@code out}.
     *
     * @param wallClockMillis the sampling instant of {@code rtpTimestamp}, Unix milliseconds
     * @param packets         RTP packets sent so far (mod 2^32)
     * @param octets          payload octets sent so far (mod 2^32)
     */
    public void write(ByteBuf out, long ssrc, long wallClockMillis, long rtpTimestamp, long packets, long octets) {
        out.writeByte(RtcpPacket.VERSION << 6);
        out.writeByte(RtcpPacket.SR);
        out.writeShort(RtcpPacket.SR_MIN_LENGTH / 4 - 1);
        out.writeInt((int) ssrc);
        out.writeLong(ntpTimestamp(wallClockMillis));
        out.writeInt((int) rtpTimestamp);
        out.writeInt((int) packets);
        out.writeInt((int) octets);
        int sdes = sdesLength();
        out.writeByte(RtcpPacket.VERSION << 6 | 1);
        out.writeByte(RtcpPacket.SDES);
        out.writeShort(sdes / 4 - 1);
        out.writeInt((int) ssrc);
        out.writeByte(SDES_CNAME);
        out.writeByte(cname.length);
        out.writeBytes(cname);
        // The item list ends with a null octet, then pads the chunk to 32 bits.
        out.writeZero(sdes - 8 - 2 - cname.length);
    }

    /** 64-bit NTP timestamp (RFC 5905 §6): seconds since 1900 in the high word, the fraction in the low word. */
    static long ntpTimestamp(long unixMillis) {
        long seconds = Math.floorDiv(unixMillis, 1000) + NTP_UNIX_OFFSET_SECONDS;
        long fraction = ((long) Math.floorMod(unixMillis, 1000) << 32) / 1000;
        return seconds << 32 | fraction;
    }

    private int sdesLength() {
        int chunk = 4 + 2 + cname.length + 1;
        return 4 + (chunk + 3) / 4 * 4;
    }
}
