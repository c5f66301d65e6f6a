package io.airlock.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs H.265 NAL units into RTP packets per RFC 7798 (no DONL), for test data and the camera simulator: single NAL
 * unit packets (§4.4.1) when they fit, FU (§4.4.3) when not, AP (§4.4.2) for parameter sets. Allocates per packet:
 * not for the inspection path.
 *
 * <pre>
 * FU: [PayloadHdr = F|49|LayerId|TID][FU header = S|E|FuType][fragment]
 * AP: [PayloadHdr = F|48|min LayerId|min TID][size u16][NALU]...
 * </pre>
 */
public final class H265Packetizer {

    private static final int AP = 48;
    private static final int FU = 49;

    private final RtpHeaderWriter header;

    public H265Packetizer(int mtu, long ssrc, int payloadType, int firstSequenceNumber) {
        this.header = new RtpHeaderWriter(mtu, ssrc, payloadType, firstSequenceNumber);
    }

    /**
     * Packets for one escaped NAL unit (2-byte header included).
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
        int nalHeader = ((nal[0] & 0xFF) << 8) | (nal[1] & 0xFF);
        int payloadHeader = (nalHeader & 0x81FF) | (FU << 9);
        int type = (nalHeader >>> 9) & 0x3F;
        int chunk = max - 3;
        for (int pos = 2; pos < nal.length; pos += chunk) {
            int n = Math.min(chunk, nal.length - pos);
            boolean start = pos == 2;
            boolean end = pos + n == nal.length;
            byte[] p = header.packet(3 + n, timestamp, end && lastOfAccessUnit);
            p[RtpPacket.MIN_HEADER_LENGTH] = (byte) (payloadHeader >>> 8);
            p[RtpPacket.MIN_HEADER_LENGTH + 1] = (byte) payloadHeader;
            p[RtpPacket.MIN_HEADER_LENGTH + 2] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type);
            System.arraycopy(nal, pos, p, RtpPacket.MIN_HEADER_LENGTH + 3, n);
            packets.add(p);
        }
        return packets;
    }

    /** One aggregation packet holding all {@code nals} (VPS/SPS/PPS); they must fit the MTU together. */
    public byte[] aggregate(long timestamp, boolean marker, List<byte[]> nals) {
        int length = 2;
        int forbidden = 0;
        int layerId = 63;
        int tid = 7;
        for (byte[] nal : nals) {
            length += 2 + nal.length;
            int h = ((nal[0] & 0xFF) << 8) | (nal[1] & 0xFF);
            forbidden |= h & 0x8000;
            layerId = Math.min(layerId, (h >>> 3) & 0x3F);
            tid = Math.min(tid, h & 7);
        }
        if (length > header.maxPayload()) {
            throw new IllegalArgumentException("AP of " + length + " bytes exceeds the MTU");
        }
        int payloadHeader = forbidden | (AP << 9) | (layerId << 3) | tid;
        byte[] p = header.packet(length, timestamp, marker);
        int pos = RtpPacket.MIN_HEADER_LENGTH;
        p[pos++] = (byte) (payloadHeader >>> 8);
        p[pos++] = (byte) payloadHeader;
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
