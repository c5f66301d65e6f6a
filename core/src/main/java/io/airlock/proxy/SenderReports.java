package io.airlock.proxy;

import io.airlock.rtp.RtcpPacket;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Puts a camera's RTCP into the recorders' terms (RFC 3550 §6.4.1), in place: only the sender report travels on,
 * rewritten to carry the track's outgoing SSRC, the RTP timestamp recorders see at the camera's NTP instant, and the
 * continuous stream's packet and octet counts. Recorders need that NTP/RTP pairing to put wall-clock time on the
 * picture and to line up audio with video; the rest of the compound is the camera's business with Airlock (report
 * blocks on what the camera received, SDES and BYE naming the camera's own SSRC, which recorders never see) and is
 * not forwarded. One instance per camera, used on that camera's event loop.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * </pre>
 */
final class SenderReports {

    /** Length of the rewritten report: the fixed part with no report blocks. */
    static final int LENGTH = RtcpPacket.SR_MIN_LENGTH;

    private static final int FIRST_BYTE = RtcpPacket.VERSION << 6;
    private static final int LENGTH_IN_WORDS_MINUS_ONE = LENGTH / 4 - 1;

    private final RtcpPacket rtcp = new RtcpPacket();
    private Rejection rejection;

    /**
     * Finds the sender report in the compound at {@code buf[offset, offset + length)} and rewrites it in place.
     *
     * @return where the {@link #LENGTH}-byte report now starts, or -1 when nothing is to be forwarded: no sender
     *         report, no RTP seen yet in this upstream session, or a malformed compound ({@link #rejection()} says
     *         which)
     */
    int rewrite(ByteBuf buf, int offset, int length, RtpContinuity continuity) {
        rejection = rtcp.wrap(buf, offset, length);
        if (rejection != null) {
            return -1;
        }
        while (rtcp.next()) {
            if (rtcp.packetType() == RtcpPacket.SR) {
                long rtpTime = continuity.toRecorderTimestamp(rtcp.rtpTimestamp());
                if (rtpTime < 0) {
                    return -1;
                }
                int at = rtcp.packetOffset();
                buf.setByte(at, FIRST_BYTE);
                buf.setShort(at + 2, LENGTH_IN_WORDS_MINUS_ONE);
                buf.setInt(at + RtcpPacket.SENDER_SSRC_OFFSET, (int) continuity.ssrc());
                buf.setInt(at + RtcpPacket.RTP_TIMESTAMP_OFFSET, (int) rtpTime);
                buf.setInt(at + RtcpPacket.PACKET_COUNT_OFFSET, (int) continuity.packets());
                buf.setInt(at + RtcpPacket.OCTET_COUNT_OFFSET, (int) continuity.octets());
                return at;
            }
        }
        return -1;
    }

    /** Why the last compound was refused, or null when it was well formed. */
    Rejection rejection() {
        return rejection;
    }
}
