package io.airlock.rtp;

/**
 * Writes the 12-byte RFC 3550 §5.1 fixed header (V=2, no padding, extension or CSRC) for the packetizers, and keeps
 * the stream's SSRC, payload type and next sequence number.
 */
final class RtpHeaderWriter {

    private final int mtu;
    private final long ssrc;
    private final int payloadType;
    private int sequenceNumber;

    RtpHeaderWriter(int mtu, long ssrc, int payloadType, int firstSequenceNumber) {
        if (mtu < RtpPacket.MIN_HEADER_LENGTH + 3 + 1 || payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("mtu=" + mtu + " payloadType=" + payloadType);
        }
        this.mtu = mtu;
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.sequenceNumber = firstSequenceNumber & 0xFFFF;
    }

    /** Largest RTP payload that fits the MTU. */
    int maxPayload() {
        return mtu - RtpPacket.MIN_HEADER_LENGTH;
    }

    /** A packet array with its header filled in; the payload starts at {@link RtpPacket#MIN_HEADER_LENGTH}. */
    byte[] packet(int payloadLength, long timestamp, boolean marker) {
        byte[] p = new byte[RtpPacket.MIN_HEADER_LENGTH + payloadLength];
        p[0] = (byte) (RtpPacket.VERSION << 6);
        p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        p[2] = (byte) (sequenceNumber >>> 8);
        p[3] = (byte) sequenceNumber;
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (timestamp >>> (24 - 8 * i));
            p[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
        }
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        return p;
    }

    int nextSequenceNumber() {
        return sequenceNumber;
    }
}
