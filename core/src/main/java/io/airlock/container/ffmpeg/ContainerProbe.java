package io.airlock.container.ffmpeg;

import io.netty.buffer.ByteBuf;

/**
 * Recognises container formats from their first bytes.
 *
 * <pre>
 * ISO BMFF (ISO/IEC 14496-12 §4.3)  size(4) 'ftyp'(4) major_brand ...
 * Matroska / WebM (RFC 8794 §8)     1A 45 DF A3  (EBML element ID)
 * MPEG-TS (ISO/IEC 13818-1 §2.4.3)  47 ... (188 bytes) 47 ... (188 bytes) 47
 * AVI (RIFF)                        'RIFF' size(4) 'AVI '
 * </pre>
 */
final class ContainerProbe {

    static final int FTYP = 0x66747970;
    static final int FTYP_OFFSET = 4;
    static final int EBML_MAGIC = 0x1A45DFA3;
    static final int TS_SYNC_BYTE = 0x47;
    static final int TS_PACKET_LENGTH = 188;
    static final int RIFF = 0x52494646;
    static final int AVI = 0x41564920;
    static final int RIFF_FORM_OFFSET = 8;

    private ContainerProbe() {
    }

    static boolean matches(ByteBuf buf, int off, int len) {
        if (buf == null || off < 0 || len <= 0 || (long) off + len > buf.capacity()) {
            return false;
        }
        if (len >= FTYP_OFFSET + 4 && buf.getInt(off + FTYP_OFFSET) == FTYP) {
            return true;
        }
        if (len >= 4 && buf.getInt(off) == EBML_MAGIC) {
            return true;
        }
        if (len > 2 * TS_PACKET_LENGTH && buf.getUnsignedByte(off) == TS_SYNC_BYTE
                && buf.getUnsignedByte(off + TS_PACKET_LENGTH) == TS_SYNC_BYTE
                && buf.getUnsignedByte(off + 2 * TS_PACKET_LENGTH) == TS_SYNC_BYTE) {
            return true;
        }
        return len >= RIFF_FORM_OFFSET + 4 && buf.getInt(off) == RIFF && buf.getInt(off + RIFF_FORM_OFFSET) == AVI;
    }
}
