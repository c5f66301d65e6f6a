package io.airlock.container.ps;

import io.airlock.codec.Codec;
import java.io.ByteArrayOutputStream;

/**
 * Writes small MPEG-2 Program Streams (ISO/IEC 13818-1 §2.5) for tests and fixtures, optionally with the Hikvision
 * quirks of threat-signatures §2.2: non-0xFF pack stuffing carrying an incrementing counter, PSM private descriptors
 * 0x40/0x41 starting with "HK", and one high-entropy 0xBD private PES after each IDR whose body holds 00 00 00 01 runs.
 * Not for the packet path: it allocates freely.
 */
public final class ProgramStreamMuxer {

    /** Upper bound on one PES packet, start code included. */
    public static final int MAX_PES_PACKET = 65_000;
    static final int STREAM_TYPE_H264 = 0x1B;
    static final int STREAM_TYPE_H265 = 0x24;
    static final int VIDEO_STREAM_ID = 0xE0;
    static final int MUX_RATE = 0x4E67;
    private static final int HIK_STUFFING = 6;
    private static final byte[] SYSTEM_HEADER = bytes(0x00, 0x00, 0x01, 0xBB, 0x00, 0x12, 0x80, 0x9C, 0xCF, 0x04,
            0xE1, 0x7F, 0xE0, 0xE0, 0x80, 0xC0, 0xC0, 0x08, 0xBD, 0xE0, 0x80, 0xBF, 0xE0, 0x80);
    private static final byte[] HK_40 = bytes(0x40, 0x0E, 0x48, 0x4B, 0x01, 0x00, 0x13, 0x67, 0x2B, 0x8B, 0xB3, 0x87,
            0x00, 0xFF, 0xFF, 0xFF);
    private static final byte[] HK_41 = bytes(0x41, 0x12, 0x48, 0x4B, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
            0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F);
    private static final byte[] ES_DESCRIPTORS = bytes(0x42, 0x0E, 0x07, 0x10, 0x10, 0xEA, 0x02, 0xC0, 0x02, 0x40,
            0x11, 0x30, 0x00, 0x00, 0x1C, 0x20, 0x2A, 0x0A, 0x7F, 0xFF, 0x00, 0x00, 0x07, 0x08, 0x1F, 0xFE, 0x58, 0x48);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Codec codec;
    private boolean counterStuffing;
    private long counter;
    private boolean hkDescriptors;
    private boolean privateAfterIdr;
    private int maxPesPacket = MAX_PES_PACKET;
    private int psmVersion;
    private long privateSeed = 0x9E3779B97F4A7C15L;

    /** A muxer for one H.264 or H.265 video stream (stream_id 0xE0). */
    public ProgramStreamMuxer(Codec codec) {
        this.codec = codec;
    }

    /** Hikvision pack stuffing: 6 bytes {@code ff ff} + a big-endian counter starting at {@code first}, +1 per pack. */
    public ProgramStreamMuxer counterStuffing(long first) {
        counterStuffing = true;
        counter = first;
        return this;
    }

    /** Hikvision PSM: private descriptors 0x40/0x41 ("HK") and the 0x42/0x2A ES descriptors. */
    public ProgramStreamMuxer hikvisionDescriptors(boolean on) {
        hkDescriptors = on;
        return this;
    }

    /** Hikvision private 0xBD PES after each IDR access unit. */
    public ProgramStreamMuxer privateAfterIdr(boolean on) {
        privateAfterIdr = on;
        return this;
    }

    /** Caps each video PES packet at {@code bytes} (at least 32) so small tests exercise splitting. */
    public ProgramStreamMuxer maxPesPacket(int bytes) {
        maxPesPacket = Math.max(32, Math.min(MAX_PES_PACKET, bytes));
        return this;
    }

    /** Appends a pack (with system header and PSM before an IDR), the access unit's PES packets and any 0xBD. */
    public ProgramStreamMuxer writeAccessUnit(byte[] annexB, long pts, boolean idr) {
        writePack(pts);
        if (idr) {
            out.writeBytes(SYSTEM_HEADER);
            writePsm();
        }
        int headerRoom = 9 + 8;
        int chunk = maxPesPacket - headerRoom;
        for (int at = 0; at < annexB.length || at == 0; at += chunk) {
            int n = Math.min(chunk, annexB.length - at);
            boolean first = at == 0;
            int hdl = first ? 8 : 3;
            out.writeBytes(bytes(0, 0, 1, VIDEO_STREAM_ID));
            writeU16(3 + hdl + n);
            out.write(0x8C);
            out.write(first ? 0x80 : 0x00);
            out.write(hdl);
            if (first) {
                writeTimeStamp(0x20, pts);
            }
            out.writeBytes(bytes(0xFF, 0xFF, 0xFC));
            out.write(annexB, at, n);
            if (n == 0) {
                break;
            }
        }
        if (idr && privateAfterIdr) {
            writePrivate(pts);
        }
        return this;
    }

    /** Appends MPEG_program_end_code. */
    public ProgramStreamMuxer writeProgramEnd() {
        out.writeBytes(bytes(0, 0, 1, PsHeaders.PROGRAM_END));
        return this;
    }

    /** Everything written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void writePack(long pts) {
        long base = Math.max(0, pts - 3600) & 0x1FFFFFFFFL;
        out.writeBytes(bytes(0, 0, 1, PsHeaders.PACK_START));
        out.write((int) (0x44 | ((base >>> 27) & 0x38) | ((base >>> 28) & 0x03)));
        out.write((int) (base >>> 20));
        out.write((int) (0x04 | ((base >>> 12) & 0xF8) | ((base >>> 13) & 0x03)));
        out.write((int) (base >>> 5));
        out.write((int) (0x04 | ((base << 3) & 0xF8)));
        out.write(0x01);
        int mux = (MUX_RATE << 2) | 0x03;
        out.write(mux >>> 16);
        writeU16(mux & 0xFFFF);
        if (!counterStuffing) {
            out.write(0xF8);
            return;
        }
        out.write(0xF8 | HIK_STUFFING);
        out.writeBytes(bytes(0xFF, 0xFF));
        writeU16((int) (counter >>> 16) & 0xFFFF);
        writeU16((int) counter & 0xFFFF);
        counter = (counter + 1) & 0xFFFFFFFFL;
    }

    private void writePsm() {
        ByteArrayOutputStream psm = new ByteArrayOutputStream();
        psm.writeBytes(bytes(0, 0, 1, PsHeaders.PROGRAM_STREAM_MAP, 0, 0));
        psm.write(0xE0 | (psmVersion++ & 0x1F));
        psm.write(0xFF);
        int infoLength = hkDescriptors ? HK_40.length + HK_41.length : 0;
        psm.writeBytes(bytes(infoLength >>> 8, infoLength));
        if (hkDescriptors) {
            psm.writeBytes(HK_40);
            psm.writeBytes(HK_41);
        }
        int esInfo = hkDescriptors ? ES_DESCRIPTORS.length : 0;
        psm.writeBytes(bytes(0, 4 + esInfo));
        psm.write(codec == Codec.H265 ? STREAM_TYPE_H265 : STREAM_TYPE_H264);
        psm.write(VIDEO_STREAM_ID);
        psm.writeBytes(bytes(0, esInfo));
        if (hkDescriptors) {
            psm.writeBytes(ES_DESCRIPTORS);
        }
        byte[] map = psm.toByteArray();
        int length = map.length - 6 + 4;
        map[4] = (byte) (length >>> 8);
        map[5] = (byte) length;
        out.writeBytes(map);
        long crc = Crc32Mpeg2.of(map, 0, map.length);
        writeU16((int) (crc >>> 16));
        writeU16((int) crc & 0xFFFF);
    }

    /** Hikvision-like 0xBD: PES header with PTS, a 16-byte preamble, then 80 bytes that look random. */
    private void writePrivate(long pts) {
        byte[] body = new byte[96];
        byte[] preamble = bytes(0x00, 0x02, 0x00, 0x17, 0x00, 0x01, 0x80, 0x00, 0x04, 0xFF, 0xDC, 0x23, 0xE0, 0xF1,
                0xF0, 0x50);
        System.arraycopy(preamble, 0, body, 0, preamble.length);
        for (int i = preamble.length; i < body.length; i++) {
            privateSeed = privateSeed * 6364136223846793005L + 1442695040888963407L;
            body[i] = (byte) (privateSeed >>> 56);
        }
        // the runs a naive start-code scanner would trip over (ZLMediaKit#2409)
        System.arraycopy(bytes(0x00, 0x00, 0x00, 0x01, 0xBA, 0x44), 0, body, 24, 6);
        System.arraycopy(bytes(0x00, 0x00, 0x01, 0xE0, 0x00, 0x10), 0, body, 50, 6);
        out.writeBytes(bytes(0, 0, 1, PsHeaders.PRIVATE_STREAM_1));
        writeU16(3 + 7 + body.length);
        out.writeBytes(bytes(0x8C, 0x80, 0x07));
        writeTimeStamp(0x20, pts);
        out.writeBytes(bytes(0xFF, 0xF8));
        out.writeBytes(body);
    }

    private void writeTimeStamp(int prefix, long ts) {
        out.write((int) (prefix | ((ts >>> 29) & 0x0E) | 1));
        out.write((int) (ts >>> 22));
        out.write((int) (((ts >>> 14) & 0xFE) | 1));
        out.write((int) (ts >>> 7));
        out.write((int) (((ts << 1) & 0xFE) | 1));
    }

    private void writeU16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
