package io.airlock.ingest;

import io.airlock.codec.Codec;
import io.airlock.container.dhav.DhavDemuxer;
import io.airlock.container.ffmpeg.ContainerDemuxer;
import io.airlock.container.imkh.MediaInfoHeader;
import io.airlock.container.ps.ProgramStreamDemuxer;
import io.netty.buffer.ByteBuf;

/**
 * Recognises a recording from its first bytes: capture-file magics, the Hikvision IMKH header, Program Stream pack
 * headers, DHAV framing, container signatures, and finally Annex B start codes, whose NAL headers decide between
 * H.264 and H.265.
 */
public final class FormatSniffer {

    /** How many leading bytes {@link #sniff} wants to see. */
    public static final int HEAD_LENGTH = 64 * 1024;
    /** Bytes of the Hikvision MEDIAINFO header that may precede a Program Stream. */
    public static final int IMKH_LENGTH = 40;
    private static final int NAL_VOTES = 16;

    private FormatSniffer() {
    }

    /** The format of a file whose first bytes are {@code head[offset, offset+length)}. */
    public static Format sniff(ByteBuf head, int offset, int length) {
        if (length >= 4) {
            long magic = head.getUnsignedInt(offset);
            if (magic == 0xA1B2C3D4L || magic == 0xD4C3B2A1L || magic == 0xA1B23C4DL || magic == 0x4D3CB2A1L) {
                return Format.PCAP;
            }
            if (magic == 0x0A0D0D0AL) {
                return Format.PCAPNG;
            }
        }
        if (MediaInfoHeader.probe(head, offset, length) && length > IMKH_LENGTH
                && ProgramStreamDemuxer.probe(head, offset + IMKH_LENGTH, length - IMKH_LENGTH)) {
            return Format.PROGRAM_STREAM;
        }
        if (ProgramStreamDemuxer.probe(head, offset, length)) {
            return Format.PROGRAM_STREAM;
        }
        if (DhavDemuxer.probe(head, offset, length)) {
            return Format.DHAV;
        }
        if (ContainerDemuxer.probe(head, offset, length)) {
            return Format.CONTAINER;
        }
        Codec codec = annexBCodec(head, offset, length);
        if (codec == Codec.H264) {
            return Format.ANNEX_B_H264;
        }
        if (codec == Codec.H265) {
            return Format.ANNEX_B_H265;
        }
        return Format.UNKNOWN;
    }

    /**
     * H.264 or H.265 when the bytes start with an Annex B start code and the first NAL headers fit one codec better;
     * {@link Codec#UNKNOWN} when there is no start code at the beginning.
     */
    public static Codec annexBCodec(ByteBuf buf, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && i - offset < 32 && buf.getByte(i) == 0) {
            i++;
        }
        if (i - offset < 2 || i >= end || buf.getByte(i) != 1) {
            return Codec.UNKNOWN;
        }
        int h264 = 0;
        int h265 = 0;
        int seen = 0;
        int zeros = 0;
        for (int p = offset; p + 2 < end && seen < NAL_VOTES; p++) {
            int b = buf.getUnsignedByte(p);
            if (b == 0) {
                zeros++;
                continue;
            }
            if (b == 1 && zeros >= 2) {
                int h0 = buf.getUnsignedByte(p + 1);
                int h1 = buf.getUnsignedByte(p + 2);
                h264 += voteH264(h0);
                h265 += voteH265(h0, h1);
                seen++;
            }
            zeros = 0;
        }
        if (seen == 0) {
            return Codec.UNKNOWN;
        }
        return h265 > h264 ? Codec.H265 : Codec.H264;
    }

    private static int voteH264(int h0) {
        if ((h0 & 0x80) != 0) {
            return 0;
        }
        int type = h0 & 0x1F;
        return type == 7 || type == 8 || type == 9 || type == 5 || type == 6 ? 2 : (type >= 1 && type <= 23 ? 1 : 0);
    }

    private static int voteH265(int h0, int h1) {
        if ((h0 & 0x81) != 0 || (h1 & 0xF8) != 0 || (h1 & 7) == 0) {
            return 0;
        }
        int type = (h0 >> 1) & 0x3F;
        return type >= 32 && type <= 40 || type == 19 || type == 20 || type == 21 ? 2 : (type <= 31 ? 1 : 0);
    }
}
