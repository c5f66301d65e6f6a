package io.airlock.codec;

import io.netty.buffer.ByteBuf;

/**
 * MSB-first bit reader over escaped NAL unit bytes that drops emulation-prevention bytes ({@code 00 00 03}, ITU-T
 * H.264 §7.4.1) as it goes, with Exp-Golomb {@code ue(v)}/{@code se(v)} (§9.1).
 *
 * <p>Never throws: reading past the end yields zero bits and sets {@link #overrun()}; an Exp-Golomb code longer
 * than 32 bits sets {@link #invalid()}. Callers check the flags once after a group of reads.
 */
public final class RbspBitReader {

    private static final int MAX_EXP_GOLOMB_LEADING_ZEROS = 31;

    private ByteBuf buffer;
    private int pos;
    private int end;
    private int bit;
    private int zeros;
    private boolean overrun;
    private boolean invalid;

    /** Reads {@code len} escaped bytes at {@code off}; false when the bounds are outside the buffer. */
    public boolean wrap(ByteBuf buffer, int off, int len) {
        if (off < 0 || len < 0 || (long) off + len > buffer.capacity()) {
            this.buffer = null;
            this.overrun = true;
            return false;
        }
        this.buffer = buffer;
        this.pos = off;
        this.end = off + len;
        this.bit = 0;
        this.zeros = 0;
        this.overrun = false;
        this.invalid = false;
        return true;
    }

    public int readBit() {
        if (pos >= end) {
            overrun = true;
            return 0;
        }
        int b = buffer.getUnsignedByte(pos);
        int value = (b >>> (7 - bit)) & 1;
        if (++bit == 8) {
            bit = 0;
            zeros = b == 0 ? zeros + 1 : 0;
            pos++;
            if (zeros >= 2 && pos < end && buffer.getUnsignedByte(pos) == 3) {
                pos++;
                zeros = 0;
            }
        }
        return value;
    }

    public boolean readFlag() {
        return readBit() != 0;
    }

    /** Reads {@code n} bits, 0 to 64, as an unsigned value (64 bits wrap into the sign). */
    public long readBits(int n) {
        long value = 0;
        for (int i = 0; i < n; i++) {
            value = (value << 1) | readBit();
        }
        return value;
    }

    /** Skips {@code n} bits; stops early at the end. */
    public void skipBits(long n) {
        for (long i = 0; i < n && !overrun; i++) {
            readBit();
        }
    }

    /** ue(v); 0 with {@link #invalid()} set when the code is longer than 32 bits. */
    public long readUe() {
        int leadingZeros = 0;
        while (readBit() == 0) {
            if (overrun) {
                return 0;
            }
            if (++leadingZeros > MAX_EXP_GOLOMB_LEADING_ZEROS) {
                invalid = true;
                return 0;
            }
        }
        return (1L << leadingZeros) - 1 + readBits(leadingZeros);
    }

    /** se(v). */
    public long readSe() {
        long k = readUe();
        return (k & 1) != 0 ? (k + 1) / 2 : -(k / 2);
    }

    /** True once a read went past the end. */
    public boolean overrun() {
        return overrun;
    }

    /** True once an Exp-Golomb code was longer than the spec allows. */
    public boolean invalid() {
        return invalid;
    }

    /** True when neither {@link #overrun()} nor {@link #invalid()} happened. */
    public boolean ok() {
        return !overrun && !invalid;
    }

    public void reset() {
        buffer = null;
        pos = 0;
        end = 0;
        bit = 0;
        zeros = 0;
        overrun = false;
        invalid = false;
    }
}
