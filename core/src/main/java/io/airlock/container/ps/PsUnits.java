package io.airlock.container.ps;

import io.netty.buffer.ByteBuf;

/**
 * Decodes complete pack headers, system headers and program stream maps (ISO/IEC 13818-1 §2.5.3.3, §2.5.3.5,
 * §2.5.4) that {@link ProgramStreamDemuxer} has gathered, validating each before reporting any of it.
 *
 * <pre>
 * program_stream_map:  00 00 01 BC | PES_packet_length(16) | current_next(1) single_ext(1) res(1) version(5) |
 *                      res(7) M | program_stream_info_length(16) | descriptors | elementary_stream_map_length(16) |
 *                      { stream_type(8) elementary_stream_id(8) ES_info_length(16) descriptors }... | CRC_32
 * </pre>
 */
final class PsUnits {

    static final int PSM_VERSION_OFFSET = 6;
    static final int PSM_INFO_LENGTH_OFFSET = 8;
    static final int PSM_INFO_OFFSET = 10;
    static final int ES_ENTRY_FIXED_LENGTH = 4;
    static final int SYSTEM_STREAMS_OFFSET = 12;
    static final int SYSTEM_ENTRY_LENGTH = 3;
    static final int COUNTER_BYTES = 4;

    private PsUnits() {
    }

    /** Reports a complete pack header of {@code len} bytes. */
    static void pack(ProgramStreamListener l, ByteBuf b, int off, int len, long offset) {
        boolean mpeg2 = PsHeaders.isMpeg2Pack(b.getUnsignedByte(off + PsHeaders.PACK_FORM_OFFSET));
        int stuffing = mpeg2 ? len - PsHeaders.MPEG2_PACK_LENGTH : 0;
        int from = off + PsHeaders.MPEG2_PACK_LENGTH;
        boolean allFf = true;
        for (int i = 0; i < stuffing; i++) {
            allFf &= b.getUnsignedByte(from + i) == 0xFF;
        }
        long counter = -1;
        if (!allFf) {
            counter = 0;
            for (int i = Math.max(0, stuffing - COUNTER_BYTES); i < stuffing; i++) {
                counter = (counter << 8) | b.getUnsignedByte(from + i);
            }
        }
        l.packHeader(PsHeaders.scr(b, off), PsHeaders.muxRate(b, off), stuffing, allFf, counter, offset);
    }

    /** Reports a complete system header; returns false (reporting nothing) when its layout is broken. */
    static boolean system(ProgramStreamListener l, ByteBuf b, int off, int len, long offset) {
        if (len < SYSTEM_STREAMS_OFFSET || (len - SYSTEM_STREAMS_OFFSET) % SYSTEM_ENTRY_LENGTH != 0) {
            return false;
        }
        long rateBound = ((b.getUnsignedByte(off + 6) & 0x7FL) << 15) | ((long) b.getUnsignedShort(off + 7) >>> 1);
        int audioBound = b.getUnsignedByte(off + 9) >>> 2;
        int videoBound = b.getUnsignedByte(off + 10) & 0x1F;
        l.systemHeader(rateBound, audioBound, videoBound, offset);
        for (int q = off + SYSTEM_STREAMS_OFFSET; q < off + len; q += SYSTEM_ENTRY_LENGTH) {
            int bound = b.getUnsignedShort(q + 1);
            l.systemHeaderStream(b.getUnsignedByte(q), (bound >>> 13) & 1, bound & 0x1FFF, offset);
        }
        return true;
    }

    /** Reports a complete program stream map; returns false (reporting nothing) when a length overruns. */
    static boolean psm(ProgramStreamListener l, ByteBuf b, int off, int len, long offset) {
        int end = off + len;
        if (len < PSM_INFO_OFFSET + 2) {
            return false;
        }
        int infoFrom = off + PSM_INFO_OFFSET;
        long infoTo = (long) infoFrom + b.getUnsignedShort(off + PSM_INFO_LENGTH_OFFSET);
        if (infoTo + 2 > end || !PsHeaders.descriptorsValid(b, infoFrom, (int) infoTo)) {
            return false;
        }
        int mapFrom = (int) infoTo + 2;
        long mapTo = (long) mapFrom + b.getUnsignedShort((int) infoTo);
        if (mapTo > end || !esMapValid(b, mapFrom, (int) mapTo)) {
            return false;
        }
        int version = b.getUnsignedByte(off + PSM_VERSION_OFFSET);
        l.programStreamMap(version & 0x1F, (version & 0x80) != 0, offset);
        for (int q = infoFrom; q < infoTo; q += 2 + b.getUnsignedByte(q + 1)) {
            l.psmDescriptor(b.getUnsignedByte(q), b, q + 2, b.getUnsignedByte(q + 1), offset);
        }
        for (int q = mapFrom; q < mapTo; q += ES_ENTRY_FIXED_LENGTH + b.getUnsignedShort(q + 2)) {
            int streamId = b.getUnsignedByte(q + 1);
            l.psmStream(b.getUnsignedByte(q), streamId, offset);
            int dTo = q + ES_ENTRY_FIXED_LENGTH + b.getUnsignedShort(q + 2);
            for (int d = q + ES_ENTRY_FIXED_LENGTH; d < dTo; d += 2 + b.getUnsignedByte(d + 1)) {
                l.psmStreamDescriptor(streamId, b.getUnsignedByte(d), b, d + 2, b.getUnsignedByte(d + 1), offset);
            }
        }
        return true;
    }

    private static boolean esMapValid(ByteBuf b, int from, int to) {
        long q = from;
        while (q < to) {
            if (q + ES_ENTRY_FIXED_LENGTH > to) {
                return false;
            }
            long next = q + ES_ENTRY_FIXED_LENGTH + b.getUnsignedShort((int) q + 2);
            if (next > to || !PsHeaders.descriptorsValid(b, (int) q + ES_ENTRY_FIXED_LENGTH, (int) next)) {
                return false;
            }
            q = next;
        }
        return true;
    }
}
