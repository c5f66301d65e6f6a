package io.airlock.rtp;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Allocation-free iterator over RFC 8285 header extension elements.
 *
 * <pre>
 * One-byte form (RFC 8285 §4.2), profile 0xBEDE:
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |  ID   |  len  |  data (len + 1 bytes); ID 0 = padding byte, ID 15 = stop
 * +-+-+-+-+-+-+-+-+
 *
 * Two-byte form (RFC 8285 §4.3), profile 0x100X:
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       ID      |     length    |  data (length bytes); ID 0 = padding byte
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Usage: {@code wrap(...)}, then {@code while (next()) { id(); elementOffset(); elementLength(); }}, then
 * {@link #rejection()} to learn whether iteration stopped on malformed data.
 */
public final class HeaderExtension {

    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    public static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;
    public static final int TWO_BYTE_PROFILE = 0x1000;
    public static final int ONE_BYTE_STOP_ID = 15;
    public static final int PADDING_ID = 0;

    private ByteBuf buffer;
    private boolean twoByte;
    private int cursor;
    private int end;
    private int id;
    private int elementOffset;
    private int elementLength;
    private Rejection rejection;

    /** Wraps the extension of a valid packet; a rejection when it has none or an unknown profile. */
    public Rejection wrap(RtpPacket packet) {
        if (!packet.extension()) {
            reset();
            return RtpRejection.NO_EXTENSION;
        }
        return wrap(packet.buffer(), packet.extensionProfile(), packet.extensionOffset(), packet.extensionLength());
    }

    /** Wraps {@code length} bytes of extension data (after the 4-byte header) with the given profile. */
    public Rejection wrap(ByteBuf buffer, int profile, int offset, int length) {
        reset();
        if (offset < 0 || length < 0 || (long) offset + length > buffer.capacity()) {
            return RtpRejection.EXTENSION_OVERRUN;
        }
        if (profile == ONE_BYTE_PROFILE) {
            twoByte = false;
        } else if ((profile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE) {
            twoByte = true;
        } else {
            return RtpRejection.UNKNOWN_EXTENSION_PROFILE;
        }
        this.buffer = buffer;
        this.cursor = offset;
        this.end = offset + length;
        return null;
    }

    /** Advances to the next element; false at the end of the block or on malformed data (see {@link #rejection}). */
    public boolean next() {
        if (buffer == null) {
            return false;
        }
        while (cursor < end) {
            int b = buffer.getUnsignedByte(cursor);
            if (b == PADDING_ID) {
                cursor++;
                continue;
            }
            int dataOffset;
            int dataLength;
            int elementId;
            if (twoByte) {
                if (cursor + 2 > end) {
                    return fail(RtpRejection.EXTENSION_ELEMENT_OVERRUN);
                }
                elementId = b;
                dataLength = buffer.getUnsignedByte(cursor + 1);
                dataOffset = cursor + 2;
            } else {
                elementId = b >>> 4;
                if (elementId == ONE_BYTE_STOP_ID) {
                    // RFC 8285 §4.2: ID 15 means stop processing; the rest of the block is ignored, not an error.
                    cursor = end;
                    return false;
                }
                dataLength = (b & 0x0F) + 1;
                dataOffset = cursor + 1;
            }
            if ((long) dataOffset + dataLength > end) {
                return fail(RtpRejection.EXTENSION_ELEMENT_OVERRUN);
            }
            id = elementId;
            elementOffset = dataOffset;
            elementLength = dataLength;
            cursor = dataOffset + dataLength;
            return true;
        }
        return false;
    }

    private boolean fail(Rejection reason) {
        rejection = reason;
        cursor = end;
        return false;
    }

    public void reset() {
        buffer = null;
        twoByte = false;
        cursor = 0;
        end = 0;
        id = 0;
        elementOffset = 0;
        elementLength = 0;
        rejection = null;
    }

    public boolean twoByte() {
        return twoByte;
    }

    public int id() {
        return id;
    }

    public int elementOffset() {
        return elementOffset;
    }

    public int elementLength() {
        return elementLength;
    }

    /** Why iteration stopped early, or null. */
    public Rejection rejection() {
        return rejection;
    }
}
