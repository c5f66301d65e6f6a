package io.airlock.wire;

import io.netty.buffer.ByteBuf;

/** Hex rendering for evidence and messages, capped so hostile input cannot produce huge strings. */
public final class Hex {

    /** Evidence never shows more than this many bytes. */
    public static final int MAX_EVIDENCE_BYTES = 64;

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex of up to {@code max} bytes starting at {@code offset}, with "…" appended when truncated. */
    public static String of(ByteBuf buffer, int offset, int length, int max) {
        int n = Math.max(0, Math.min(length, max));
        StringBuilder sb = new StringBuilder(n * 2 + 1);
        for (int i = 0; i < n; i++) {
            int b = buffer.getUnsignedByte(offset + i);
            sb.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xF]);
        }
        if (length > n) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** Lower-case hex of up to {@link #MAX_EVIDENCE_BYTES} bytes. */
    public static String of(ByteBuf buffer, int offset, int length) {
        return of(buffer, offset, length, MAX_EVIDENCE_BYTES);
    }

    /** Lower-case hex of a byte array, capped at {@link #MAX_EVIDENCE_BYTES}. */
    public static String of(byte[] bytes, int offset, int length) {
        int n = Math.max(0, Math.min(length, MAX_EVIDENCE_BYTES));
        StringBuilder sb = new StringBuilder(n * 2 + 1);
        for (int i = 0; i < n; i++) {
            int b = bytes[offset + i] & 0xFF;
            sb.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xF]);
        }
        if (length > n) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** Decodes an even-length hex string; returns null when it is not valid hex. */
    public static byte[] decode(CharSequence hex) {
        int len = hex.length();
        if ((len & 1) != 0) {
            return null;
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < len; i += 2) {
            int hi = Character.digit(hex.charAt(i), 16);
            int lo = Character.digit(hex.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i / 2] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
