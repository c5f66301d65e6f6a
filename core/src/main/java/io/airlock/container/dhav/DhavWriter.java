package io.airlock.container.dhav;

import io.airlock.codec.Codec;
import java.io.ByteArrayOutputStream;

/**
 * Writes small Dahua DHAV streams ({@link DhavDemuxer} layout) for tests and fixtures: an optional "DAHUA" file
 * header, video I/P frames (0xFD/0xFC) carrying Annex B with extensions 0x80 (size) and 0x81 (codec, fps) on I-frames,
 * 0xF1 assistant frames, and optionally an unknown extension type. The checksum byte is the low byte of the sum of
 * header bytes 0-22 (assumed; not verified by any reader). Not for the packet path: it allocates freely.
 */
public final class DhavWriter {

    public static final int TYPE_I_FRAME = 0xFD;
    public static final int TYPE_P_FRAME = 0xFC;
    public static final int TYPE_ASSISTANT = 0xF1;
    static final int CODEC_H264 = 2;
    static final int CODEC_HEVC = 0xC;
    /** 2024-01-02 03:04:05 in DHAV date bits. */
    static final long DATE_BITS = (24L << 26) | (1L << 22) | (2L << 17) | (3L << 12) | (4L << 6) | 5L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long frameNumber;
    private int timestampMs;
    private int unknownExtensionType = -1;

    /** Appends the 0x400-byte "DAHUA" file header (must come first). */
    public DhavWriter fileHeader() {
        byte[] header = new byte[DhavDemuxer.FILE_HEADER_LENGTH];
        header[0] = 'D';
        header[1] = 'A';
        header[2] = 'H';
        header[3] = 'U';
        header[4] = 'A';
        out.writeBytes(header);
        return this;
    }

    /** Adds a 4-byte extension of a type FFmpeg does not know (e.g. 0xEE) to every following frame. */
    public DhavWriter unknownExtension(int type) {
        unknownExtensionType = type & 0xFF;
        return this;
    }

    /** Appends an I (0xFD) or P (0xFC) frame carrying {@code annexB}; I-frames carry extensions 0x80 and 0x81. */
    public DhavWriter videoFrame(byte[] annexB, boolean iFrame, Codec codec, int width, int height, int fps) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (iFrame) {
            ext.writeBytes(new byte[] {(byte) 0x80, 0, (byte) (width / 8), (byte) (height / 8)});
            ext.writeBytes(new byte[] {(byte) 0x81, 0, (byte) (codec == Codec.H265 ? CODEC_HEVC : CODEC_H264),
                (byte) fps});
        }
        frame(iFrame ? TYPE_I_FRAME : TYPE_P_FRAME, ext, annexB);
        return this;
    }

    /** Appends a 0xF1 "assistant" frame (Dahua's auxiliary/private data) carrying {@code data}. */
    public DhavWriter assistantFrame(byte[] data) {
        frame(TYPE_ASSISTANT, new ByteArrayOutputStream(), data);
        return this;
    }

    /** Everything written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void frame(int type, ByteArrayOutputStream ext, byte[] payload) {
        if (unknownExtensionType >= 0) {
            ext.writeBytes(new byte[] {(byte) unknownExtensionType, 1, 2, 3});
        }
        byte[] extensions = ext.toByteArray();
        long length = DhavDemuxer.HEADER_LENGTH + extensions.length + payload.length + DhavDemuxer.TAIL_LENGTH;
        byte[] h = new byte[DhavDemuxer.HEADER_LENGTH];
        h[0] = 'D';
        h[1] = 'H';
        h[2] = 'A';
        h[3] = 'V';
        h[4] = (byte) type;
        h[6] = 0;
        putLe(h, 8, frameNumber++, 4);
        putLe(h, 12, length, 4);
        putLe(h, 16, DATE_BITS, 4);
        putLe(h, 20, timestampMs, 2);
        h[22] = (byte) extensions.length;
        int sum = 0;
        for (int i = 0; i < 23; i++) {
            sum += h[i] & 0xFF;
        }
        h[23] = (byte) sum;
        timestampMs = (timestampMs + 40) & 0xFFFF;
        out.writeBytes(h);
        out.writeBytes(extensions);
        out.writeBytes(payload);
        byte[] tail = {'d', 'h', 'a', 'v', 0, 0, 0, 0};
        putLe(tail, 4, length, 4);
        out.writeBytes(tail);
    }

    private static void putLe(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
