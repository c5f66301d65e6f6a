package io.airlock.alert.syslog;

import java.nio.ByteBuffer;

/**
 * A bounded byte buffer for one syslog message, written as UTF-8. Nothing passes the limit, and text is cut only
 * between characters, never inside a multi-byte sequence or an escape, so what is written is always valid UTF-8.
 */
final class MessageBuffer {

    private final byte[] bytes;
    private int length;
    private int limit;

    MessageBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Empties the buffer and bounds what may be written next (at most the capacity). */
    void reset(int limit) {
        length = 0;
        limit(limit);
    }

    void limit(int limit) {
        this.limit = Math.min(limit, bytes.length);
    }

    int length() {
        return length;
    }

    int remaining() {
        return limit - length;
    }

    /** Cuts back to {@code length}, undoing what was written after it. */
    void truncate(int length) {
        this.length = Math.min(this.length, length);
    }

    /** Appends ASCII text; writes nothing and answers false when it does not fit whole. */
    boolean ascii(String s) {
        if (s.length() > remaining()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return true;
    }

    boolean raw(byte[] b) {
        if (b.length > remaining()) {
            return false;
        }
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return true;
    }

    /**
     * Appends {@code s} as UTF-8, character by character until one does not fit. Control characters become '.', an
     * unpaired surrogate '?'; with {@code escape}, '"', '\' and ']' get a backslash (RFC 5424 §6.3.3).
     *
     * @return whether all of {@code s} was written
     */
    boolean utf8(CharSequence s, boolean escape) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cp = c;
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
            } else if (Character.isSurrogate(c)) {
                cp = '?';
            } else if (c < 0x20 || c == 0x7F) {
                cp = '.';
            }
            boolean escaped = escape && (cp == '"' || cp == '\\' || cp == ']');
            int need = (escaped ? 1 : 0) + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
            if (need > remaining()) {
                return false;
            }
            if (escaped) {
                bytes[length++] = '\\';
            }
            put(cp);
            if (pair) {
                i++;
            }
        }
        return true;
    }

    private void put(int cp) {
        if (cp < 0x80) {
            bytes[length++] = (byte) cp;
        } else if (cp < 0x800) {
            bytes[length++] = (byte) (0xC0 | cp >> 6);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            bytes[length++] = (byte) (0xE0 | cp >> 12);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        } else {
            bytes[length++] = (byte) (0xF0 | cp >> 18);
            bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    /** The message written so far, in place (valid until the next {@link #reset}). */
    ByteBuffer view() {
        return ByteBuffer.wrap(bytes, 0, length);
    }
}
