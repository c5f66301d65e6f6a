package io.airlock.codec;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Iterates the sei_message()s of one SEI NAL unit (ITU-T H.264 §7.3.2.3.1, ITU-T H.265 §7.3.5), reading the escaped
 * bytes after the NAL header and dropping emulation-prevention bytes ({@code 00 00 03}) on the fly, without copies.
 *
 * <pre>
 * sei_message() {
 *   while (next_bits(8) == 0xFF) ff_byte          // payloadType += 255
 *   last_payload_type_byte                        // u(8)
 *   while (next_bits(8) == 0xFF) ff_byte          // payloadSize += 255
 *   last_payload_size_byte                        // u(8)
 *   sei_payload(payloadType, payloadSize)         // payloadSize unescaped bytes
 * }
 * ... rbsp_trailing_bits(): 0x80 then zero bytes
 * </pre>
 *
 * Usage: {@code wrap}, then {@code while (next()) {...}}, then {@link #rejection()}. Messages before a malformed one
 * are still returned.
 */
public final class SeiReader {

    public static final int USER_DATA_REGISTERED_ITU_T_T35 = 4;
    public static final int USER_DATA_UNREGISTERED = 5;
    public static final int UUID_LENGTH = 16;
    public static final int RBSP_STOP_BYTE = 0x80;
    private static final int EMULATION_PREVENTION_BYTE = 3;

    private ByteBuf buffer;
    private Codec codec;
    private int end;
    private int pos;
    private int zeros;
    private int messages;
    private Rejection rejection;
    private boolean stopped;
    private int payloadType;
    private long payloadSize;
    private int payloadPos;
    private int payloadZeros;
    private long uuidMsb;
    private long uuidLsb;

    /** Wraps the escaped bytes of one SEI NAL unit after its header; null when the bounds are sane. */
    public Rejection wrap(Codec codec, ByteBuf buf, int off, int len) {
        reset();
        if (off < 0 || len < 0 || (long) off + len > buf.capacity()) {
            rejection = SeiRejection.BAD_BOUNDS;
            return rejection;
        }
        this.codec = codec;
        this.buffer = buf;
        this.pos = off;
        this.end = off + len;
        return null;
    }

    /** Advances to the next message; false at rbsp_trailing_bits, the end, or malformed data ({@link #rejection}). */
    public boolean next() {
        if (buffer == null || stopped) {
            return false;
        }
        if (messages > 0 && !skip(payloadSize)) {
            return false;
        }
        skipEmulation();
        if (pos >= end || isTrailing()) {
            pos = end;
            stopped = true;
            if (messages == 0) {
                rejection = SeiRejection.EMPTY;
            }
            return false;
        }
        long type = readFfCoded();
        if (type < 0) {
            return false;
        }
        long size = readFfCoded();
        if (size < 0) {
            return false;
        }
        skipEmulation();
        payloadPos = pos;
        payloadZeros = zeros;
        if (unescapedAvailable(size) < size) {
            return fail(SeiRejection.SIZE_OVERRUN);
        }
        payloadType = (int) Math.min(type, Integer.MAX_VALUE);
        payloadSize = size;
        messages++;
        uuidMsb = 0;
        uuidLsb = 0;
        if (payloadType == USER_DATA_UNREGISTERED) {
            if (size < UUID_LENGTH) {
                rejection = SeiRejection.USER_DATA_TOO_SHORT;
            } else {
                int savedPos = pos;
                int savedZeros = zeros;
                for (int i = 0; i < 8; i++) {
                    uuidMsb = (uuidMsb << 8) | readByte();
                }
                for (int i = 0; i < 8; i++) {
                    uuidLsb = (uuidLsb << 8) | readByte();
                }
                pos = savedPos;
                zeros = savedZeros;
            }
        }
        return true;
    }

    /** Copies up to {@code max} unescaped payload bytes (after the UUID for user_data_unregistered); returns count. */
    public int copyPayload(byte[] dst, int max) {
        if (messages == 0 || buffer == null) {
            return 0;
        }
        int savedPos = pos;
        int savedZeros = zeros;
        pos = payloadPos;
        zeros = payloadZeros;
        long skipFirst = isUserDataUnregistered() ? UUID_LENGTH : 0;
        long available = payloadSize - skipFirst;
        int n = (int) Math.max(0, Math.min(Math.min(available, max), dst.length));
        skip(skipFirst);
        for (int i = 0; i < n; i++) {
            dst[i] = (byte) readByte();
        }
        pos = savedPos;
        zeros = savedZeros;
        return n;
    }

    public void reset() {
        buffer = null;
        codec = null;
        end = 0;
        pos = 0;
        zeros = 0;
        messages = 0;
        rejection = null;
        stopped = false;
        payloadType = -1;
        payloadSize = 0;
        payloadPos = 0;
        payloadZeros = 0;
        uuidMsb = 0;
        uuidLsb = 0;
    }

    public Codec codec() {
        return codec;
    }

    public int payloadType() {
        return payloadType;
    }

    /** Unescaped payload size; below 2^31 once {@link #next()} returned true, since it fits the NAL unit. */
    public int payloadSize() {
        return (int) payloadSize;
    }

    /** Buffer index of the first payload byte (escaped stream), for evidence. */
    public int payloadOffsetEscaped() {
        return payloadPos;
    }

    public boolean isUserDataUnregistered() {
        return payloadType == USER_DATA_UNREGISTERED && payloadSize >= UUID_LENGTH;
    }

    public long uuidMostSignificantBits() {
        return uuidMsb;
    }

    public long uuidLeastSignificantBits() {
        return uuidLsb;
    }

    /** Why iteration stopped early or a message was malformed (user data without a full UUID), or null. */
    public Rejection rejection() {
        return rejection;
    }

    private boolean fail(Rejection reason) {
        rejection = reason;
        stopped = true;
        return false;
    }

    private long readFfCoded() {
        long value = 0;
        while (true) {
            skipEmulation();
            if (pos >= end) {
                fail(SeiRejection.TRUNCATED);
                return -1;
            }
            int b = readByte();
            value += b;
            if (b != 0xFF) {
                return value;
            }
        }
    }

    /** Skips {@code n} unescaped bytes; false (with a rejection) when fewer remain. */
    private boolean skip(long n) {
        if (advance(n) < n) {
            return fail(SeiRejection.SIZE_OVERRUN);
        }
        return true;
    }

    private long unescapedAvailable(long wanted) {
        int savedPos = pos;
        int savedZeros = zeros;
        long n = advance(wanted);
        pos = savedPos;
        zeros = savedZeros;
        return n;
    }

    /**
     * Moves past up to {@code n} unescaped bytes; returns how many. Runs of non-zero bytes cannot hold an emulation
     * prevention byte, so they are jumped with one {@code indexOf} instead of byte by byte (SEI text is long).
     */
    private long advance(long n) {
        long done = 0;
        while (done < n) {
            skipEmulation();
            if (pos >= end) {
                break;
            }
            if (zeros == 0) {
                int limit = (int) Math.min(end, pos + (n - done));
                int zero = buffer.indexOf(pos, limit, (byte) 0);
                int stop = zero < 0 ? limit : zero;
                if (stop > pos) {
                    done += stop - pos;
                    pos = stop;
                    continue;
                }
            }
            readByte();
            done++;
        }
        return done;
    }

    private void skipEmulation() {
        if (zeros >= 2 && pos < end && buffer.getUnsignedByte(pos) == EMULATION_PREVENTION_BYTE) {
            pos++;
            zeros = 0;
        }
    }

    /** Reads one byte at {@code pos} (caller ensured pos < end and skipped emulation bytes). */
    private int readByte() {
        skipEmulation();
        int b = buffer.getUnsignedByte(pos++);
        zeros = b == 0 ? zeros + 1 : 0;
        return b;
    }

    /** rbsp_trailing_bits: a 0x80 stop byte followed only by zero bytes. */
    private boolean isTrailing() {
        if (buffer.getUnsignedByte(pos) != RBSP_STOP_BYTE) {
            return false;
        }
        for (int i = pos + 1; i < end; i++) {
            if (buffer.getUnsignedByte(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
