package io.airlock.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs H.264 NAL units into RTP packets per RFC 6184 non-interleaved mode, for test data and the camera simulator:
 * single NAL unit packets (§5.6) when they fit, FU-A (§5.8) when not, STAP-A (§5.7.1) for parameter sets.
 * Allocates per packet: not for the inspection path.
 *
 * <pre>
 * FU-A: [FU indicator = F|NRI|28][FU header = S|E|R|type][fragment]
 * </pre>
 */
public final class H264Packetizer {

    private static final int FU_A = 28;
    private static final int STAP_A = 24;

    private final RtpHeaderWriter header;

    public H264Packetizer(int mtu, long ssrc, int payloadType, int firstSequenceNumber) {
        this.header = new RtpHeaderWriter(mtu, ssrc, payloadType, firstSequenceNumber);
    }

    /**
     * Packets for one escaped NAL unit (header byte included).
     *
     * @param lastOfAccessUnit sets the marker bit on the final packet
     */
    public List<byte[]> packetize(byte[] nal, long timestamp, boolean lastOfAccessUnit) {
        List<byte[]> packets = new ArrayList<>();
        int max = header.maxPayload();
        if (nal.length <= max) {
            byte[] p = header.packet(nal.length, timestamp, lastOfAccessUnit);
            System.arraycopy(nal, 0, p, RtpPacket.MIN_HEADER_LENGTH, nal.length);
            packets.add(p);
            return packets;
        }
        int indicator = (nal[0] & 0xE0) | FU_A;
        int type = nal[0] & 0x1F;
        int chunk = max - 2;
        for (int pos = 1; pos < nal.length; pos += chunk) {
            int n = Math.min(chunk, nal.length - pos);
            boolean start = pos == 1;
            boolean end = pos + n == nal.length;
            byte[] p = header.packet(2 + n, timestamp, end && lastOfAccessUnit);
            p[RtpPacket.MIN_HEADER_LENGTH] = (byte) indicator;
            p[RtpPacket.MIN_HEADER_LENGTH + 1] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type);
            System.arraycopy(nal, pos, p, RtpPacket.MIN_HEADER_LENGTH + 2, n);
            packets.add(p);
        }
        return packets;
    }

    /** One STAP-A packet holding all {@code nals} (for SPS/PPS); they must fit the MTU together. */
    public byte[] stapA(long timestamp, boolean marker, List<byte[]> nals) {
        int length = 1;
        int nri = 0;
        for (byte[] nal : nals) {
            length += 2 + nal.length;
            nri = Math.max(nri, nal[0] & 0x60);
        }
        if (length > header.maxPayload()) {
            throw new IllegalArgumentException("STAP-A of " + length + " bytes exceeds the MTU");
        }
        byte[] p = header.packet(length, timestamp, marker);
        int pos = RtpPacket.MIN_HEADER_LENGTH;
        p[pos++] = (byte) (nri | STAP_A);
        for (byte[] nal : nals) {
            p[pos++] = (byte) (nal.length >>> 8);
            p[pos++] = (byte) nal.length;
            System.arraycopy(nal, 0, p, pos, nal.length);
            pos += nal.length;
        }
        return p;
    }

    public int nextSequenceNumber() {
        return header.nextSequenceNumber();
    }
}
