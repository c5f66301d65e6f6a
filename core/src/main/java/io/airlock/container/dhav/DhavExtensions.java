package io.airlock.container.dhav;

import io.netty.buffer.ByteBuf;

/**
 * The extension TLVs between the 24-byte DHAV frame header and the payload (FFmpeg libavformat/dhav.c
 * {@code parse_ext}). Each starts with its type byte; the size is implied by the type:
 *
 * <pre>
 * 0x80 (4): ?, width/8, height/8          0x81 (4): ?, video_codec, frame_rate
 * 0x82 (8): ?, ?, ?, width LE16, height LE16
 * 0x83,0x84,0x85,0x8B,0x94,0x96,0xA0,0xB2,0xB4: 4 bytes
 * 0x88,0x8C,0x91,0x92,0x93,0x95,0x9A,0x9B,0xB3: 8 bytes     other: unknown, rest of the area skipped
 * </pre>
 */
final class DhavExtensions {

    static final int VIDEO_SIZE_DIV8 = 0x80;
    static final int VIDEO_CODEC = 0x81;
    static final int VIDEO_SIZE = 0x82;
    static final int UNKNOWN = 0;

    private DhavExtensions() {
    }

    /** Size of a known extension type, or {@link #UNKNOWN}. */
    static int size(int type) {
        return switch (type) {
            case 0x80, 0x81, 0x83, 0x84, 0x85, 0x8B, 0x94, 0x96, 0xA0, 0xB2, 0xB4 -> 4;
            case 0x82, 0x88, 0x8C, 0x91, 0x92, 0x93, 0x95, 0x9A, 0x9B, 0xB3 -> 8;
            default -> UNKNOWN;
        };
    }

    /**
     * Reports the extensions in {@code [from, to)}; returns false when a known type overruns the area (the ones
     * before it are reported).
     */
    static boolean parse(DhavListener l, ByteBuf b, int from, int to, long offset) {
        int codec = -1;
        int width = -1;
        int height = -1;
        int fps = -1;
        boolean ok = true;
        int q = from;
        while (q < to) {
            int type = b.getUnsignedByte(q);
            int size = size(type);
            if (size == UNKNOWN) {
                l.extension(type, b, q, to - q, false, offset);
                break;
            }
            if (q + size > to) {
                ok = false;
                break;
            }
            l.extension(type, b, q, size, true, offset);
            if (type == VIDEO_SIZE_DIV8) {
                width = 8 * b.getUnsignedByte(q + 2);
                height = 8 * b.getUnsignedByte(q + 3);
            } else if (type == VIDEO_CODEC) {
                codec = b.getUnsignedByte(q + 2);
                fps = b.getUnsignedByte(q + 3);
            } else if (type == VIDEO_SIZE) {
                width = b.getUnsignedShortLE(q + 4);
                height = b.getUnsignedShortLE(q + 6);
            }
            q += size;
        }
        if (codec >= 0 || width >= 0) {
            l.videoInfo(codec, width, height, fps);
        }
        return ok;
    }
}
