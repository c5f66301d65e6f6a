package io.airlock.container.ps;

import io.netty.buffer.ByteBuf;

/**
 * Header layouts of ISO/IEC 13818-1 §2.5 (program stream) and §2.4.3.6 (PES), as static absolute-read helpers.
 *
 * <pre>
 * pack_header (MPEG-2):  00 00 01 BA | '01' SCR[32..30] M SCR[29..15] M SCR[14..0] M SCR_ext(9) M |
 *                        program_mux_rate(22) M M | reserved(5) pack_stuffing_length(3) | stuffing...
 * pack_header (MPEG-1):  00 00 01 BA | '0010' SCR[32..30] M SCR[29..15] M SCR[14..0] M | M mux_rate(22) M
 * system_header:         00 00 01 BB | header_length(16) | M rate_bound(22) M | audio_bound(6) F C |
 *                        A V M video_bound(5) | R reserved(7) | { stream_id '11' scale size_bound(13) }...
 * PES (MPEG-2):          00 00 01 id | PES_packet_length(16) | '10' flags | PTS_DTS_flags ... | header_data_length
 * PES (skipped kinds):   00 00 01 id | PES_packet_length(16) | body (0xBD, 0xBE, 0xBF, 0xF0-0xFF)
 * </pre>
 */
final class PsHeaders {

    static final int PROGRAM_END = 0xB9;
    static final int PACK_START = 0xBA;
    static final int SYSTEM_HEADER = 0xBB;
    static final int PROGRAM_STREAM_MAP = 0xBC;
    static final int PRIVATE_STREAM_1 = 0xBD;
    static final int PADDING_STREAM = 0xBE;
    static final int PRIVATE_STREAM_2 = 0xBF;
    static final int FIRST_AUDIO = 0xC0;
    static final int LAST_VIDEO = 0xEF;

    static final int START_CODE_LENGTH = 4;
    static final int PES_LENGTH_OFFSET = 4;
    static final int PES_FIXED_LENGTH = 6;
    static final int MPEG2_PES_MIN_HEADER = 9;
    static final int MPEG2_PACK_LENGTH = 14;
    static final int MPEG1_PACK_LENGTH = 12;
    static final int PACK_FORM_OFFSET = 4;
    static final int PACK_STUFFING_OFFSET = 13;
    static final int SYSTEM_FIXED_LENGTH = 12;
    static final int MPEG1_PES_MAX_STUFFING = 16;
    /** Marks a header whose first bytes already show it is malformed. */
    static final int MALFORMED = -1;

    private PsHeaders() {
    }

    static boolean isAudioVideo(int streamId) {
        return streamId >= FIRST_AUDIO && streamId <= LAST_VIDEO;
    }

    static boolean isMpeg2Pack(int formByte) {
        return (formByte & 0xC0) == 0x40;
    }

    static boolean isMpeg1Pack(int formByte) {
        return (formByte & 0xF0) == 0x20;
    }

    /**
     * How many bytes the header starting at {@code off} needs in total, judged from the {@code avail} bytes present
     * (at least 4: the start code). The answer only grows as more bytes arrive; once it is {@code <= avail} the
     * header is complete. {@link #MALFORMED} when the first bytes already rule the header out.
     */
    static int required(ByteBuf b, int off, int avail, int streamId) {
        if (streamId == PROGRAM_END) {
            return START_CODE_LENGTH;
        }
        if (streamId == PACK_START) {
            if (avail <= PACK_FORM_OFFSET) {
                return PACK_FORM_OFFSET + 1;
            }
            int form = b.getUnsignedByte(off + PACK_FORM_OFFSET);
            if (isMpeg1Pack(form)) {
                return MPEG1_PACK_LENGTH;
            }
            if (!isMpeg2Pack(form)) {
                return MALFORMED;
            }
            if (avail < MPEG2_PACK_LENGTH) {
                return MPEG2_PACK_LENGTH;
            }
            return MPEG2_PACK_LENGTH + (b.getUnsignedByte(off + PACK_STUFFING_OFFSET) & 0x07);
        }
        if (avail < PES_FIXED_LENGTH) {
            return PES_FIXED_LENGTH;
        }
        if (streamId == SYSTEM_HEADER || streamId == PROGRAM_STREAM_MAP) {
            return PES_FIXED_LENGTH + b.getUnsignedShort(off + PES_LENGTH_OFFSET);
        }
        if (!isAudioVideo(streamId)) {
            return PES_FIXED_LENGTH;
        }
        if (avail <= PES_FIXED_LENGTH) {
            return PES_FIXED_LENGTH + 1;
        }
        if ((b.getUnsignedByte(off + PES_FIXED_LENGTH) & 0xC0) == 0x80) {
            if (avail < MPEG2_PES_MIN_HEADER) {
                return MPEG2_PES_MIN_HEADER;
            }
            return MPEG2_PES_MIN_HEADER + b.getUnsignedByte(off + MPEG2_PES_MIN_HEADER - 1);
        }
        return requiredMpeg1Pes(b, off, avail);
    }

    /** MPEG-1 PES header (ISO/IEC 11172-1 §2.4.3.3): stuffing 0xFF (≤ 16), optional STD buffer, PTS/DTS or 0x0F. */
    private static int requiredMpeg1Pes(ByteBuf b, int off, int avail) {
        int i = PES_FIXED_LENGTH;
        while (i < avail && b.getUnsignedByte(off + i) == 0xFF) {
            i++;
            if (i - PES_FIXED_LENGTH > MPEG1_PES_MAX_STUFFING) {
                return MALFORMED;
            }
        }
        if (i >= avail) {
            return i + 1;
        }
        if ((b.getUnsignedByte(off + i) & 0xC0) == 0x40) {
            i += 2;
            if (i >= avail) {
                return i + 1;
            }
        }
        int kind = b.getUnsignedByte(off + i);
        if ((kind & 0xF0) == 0x20) {
            return i + 5;
        }
        if ((kind & 0xF0) == 0x30) {
            return i + 10;
        }
        return kind == 0x0F ? i + 1 : MALFORMED;
    }

    /**
     * Where the PTS and DTS of a complete audio/video PES header lie, relative to its start code: PTS position in the
     * low 16 bits and DTS position in the high 16 bits, 0 for absent; {@link #MALFORMED} when the flags promise time
     * stamps that header_data_length has no room for.
     */
    static int timeStampLayout(ByteBuf b, int off, int headerLength) {
        int first = b.getUnsignedByte(off + PES_FIXED_LENGTH);
        if ((first & 0xC0) == 0x80) {
            int flags = b.getUnsignedByte(off + PES_FIXED_LENGTH + 1) >>> 6;
            int room = headerLength - MPEG2_PES_MIN_HEADER;
            if (flags == 0) {
                return 0;
            }
            if (flags == 1 || room < (flags == 3 ? 10 : 5)) {
                return MALFORMED;
            }
            return flags == 3 ? ((MPEG2_PES_MIN_HEADER + 5) << 16) | MPEG2_PES_MIN_HEADER : MPEG2_PES_MIN_HEADER;
        }
        int i = PES_FIXED_LENGTH;
        while (b.getUnsignedByte(off + i) == 0xFF) {
            i++;
        }
        if ((b.getUnsignedByte(off + i) & 0xC0) == 0x40) {
            i += 2;
        }
        int kind = b.getUnsignedByte(off + i) & 0xF0;
        if (kind == 0x20) {
            return i;
        }
        return kind == 0x30 ? ((i + 5) << 16) | i : 0;
    }

    /** The 33-bit time stamp coded in 5 bytes with marker bits (§2.4.3.7). */
    static long timeStamp(ByteBuf b, int at) {
        long high = (b.getUnsignedByte(at) >>> 1) & 0x07;
        long mid = (b.getUnsignedShort(at + 1) >>> 1) & 0x7FFF;
        long low = (b.getUnsignedShort(at + 3) >>> 1) & 0x7FFF;
        return (high << 30) | (mid << 15) | low;
    }

    /** SCR of a pack header in 27 MHz units; MPEG-1 packs carry no extension. */
    static long scr(ByteBuf b, int off) {
        int form = b.getUnsignedByte(off + PACK_FORM_OFFSET);
        if (!isMpeg2Pack(form)) {
            return timeStamp(b, off + PACK_FORM_OFFSET) * 300;
        }
        long b4 = form;
        long b5 = b.getUnsignedByte(off + 5);
        long b6 = b.getUnsignedByte(off + 6);
        long b7 = b.getUnsignedByte(off + 7);
        long b8 = b.getUnsignedByte(off + 8);
        long b9 = b.getUnsignedByte(off + 9);
        long base = (((b4 >>> 3) & 0x07) << 30) | ((b4 & 0x03) << 28) | (b5 << 20) | ((b6 >>> 3) << 15)
                | ((b6 & 0x03) << 13) | (b7 << 5) | (b8 >>> 3);
        long ext = ((b8 & 0x03) << 7) | (b9 >>> 1);
        return base * 300 + ext;
    }

    /** program_mux_rate (22 bits) of either pack form. */
    static int muxRate(ByteBuf b, int off) {
        int at = isMpeg2Pack(b.getUnsignedByte(off + PACK_FORM_OFFSET)) ? off + 10 : off + 9;
        int v = (b.getUnsignedByte(at) << 16) | b.getUnsignedShort(at + 1);
        return isMpeg2Pack(b.getUnsignedByte(off + PACK_FORM_OFFSET)) ? v >>> 2 : (v >>> 1) & 0x3FFFFF;
    }

    /** True when {@code [from, to)} is a well-formed sequence of tag/length descriptors. */
    static boolean descriptorsValid(ByteBuf b, int from, int to) {
        long q = from;
        while (q < to) {
            if (q + 2 > to) {
                return false;
            }
            q += 2L + b.getUnsignedByte((int) q + 1);
        }
        return q == to;
    }
}
