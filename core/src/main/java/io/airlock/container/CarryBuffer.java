package io.airlock.container;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Bounded carry for a streaming demuxer's unit header that straddles two {@code feed} calls (DHAV frames, MPEG-2 PS
 * units): both framings open every unit with a 4-byte start code and learn the header length from its first bytes.
 *
 * <pre>
 * feed n:   ... [start code][header bytes ...      |   header in the caller's buffer: read in place
 * feed n+1:                           ... header] [payload ...   header split: copied here, up to capacity
 * </pre>
 *
 * While the header lies wholly in the current feed it is read in place; only a split header is copied, and never
 * more than {@code capacity} bytes. Not thread-safe; one instance per demuxer.
 */
public final class CarryBuffer {

    /** A framing's header length rule; {@code id} is the unit kind the demuxer found after the start code. */
    @FunctionalInterface
    public interface HeaderLength {
        /** Bytes the header needs given the {@code avail} bytes at {@code off}; may be a framing's error value. */
        int required(ByteBuf b, int off, int avail, int id);
    }

    public static final int START_CODE_LENGTH = 4;

    private final byte[] bytes;
    private final ByteBuf carry;
    private final HeaderLength headerLength;
    private boolean inBuffer;
    private int headerStart;
    private int length;

    /** A carry of {@code capacity} bytes measuring headers with {@code headerLength} (allocated once per stream). */
    public CarryBuffer(int capacity, HeaderLength headerLength) {
        this.bytes = new byte[capacity];
        this.carry = Unpooled.wrappedBuffer(bytes);
        this.headerLength = headerLength;
    }

    /**
     * A header starts at {@code startPos} of the current feed, or before {@code feedOff} when its start code
     * straddled the previous feed: that start code ({@code startCode}, big-endian) is then replayed into the carry.
     */
    public void begin(int startPos, int feedOff, int startCode) {
        headerStart = startPos;
        inBuffer = startPos >= feedOff;
        if (!inBuffer) {
            carry.setInt(0, startCode);
            length = START_CODE_LENGTH;
        }
    }

    /**
     * When carrying, copies header bytes from {@code buf[pos, end)} until the header is complete, the carry would
     * exceed its capacity, or the feed ends.
     *
     * @return the position after the bytes taken
     */
    public int gather(ByteBuf buf, int pos, int end, int id) {
        if (inBuffer) {
            return pos;
        }
        int p = pos;
        int need = headerLength.required(carry, 0, length, id);
        while (need > length && need <= bytes.length && p < end) {
            int n = Math.min(need - length, end - p);
            buf.getBytes(p, bytes, length, n);
            length += n;
            p += n;
            need = headerLength.required(carry, 0, length, id);
        }
        return p;
    }

    /** Keeps a header that is incomplete at the end of the feed: copies its bytes so far when read in place. */
    public void spill(ByteBuf buf, int end) {
        if (inBuffer) {
            int avail = end - headerStart;
            buf.getBytes(headerStart, bytes, 0, avail);
            length = avail;
            inBuffer = false;
        }
    }

    /** Where the header is read: the caller's {@code buf} when in place, else the carry. */
    public ByteBuf view(ByteBuf buf) {
        return inBuffer ? buf : carry;
    }

    /** The header's offset within {@link #view}. */
    public int viewOffset() {
        return inBuffer ? headerStart : 0;
    }

    /** Header bytes at hand: up to {@code end} of the feed when in place, else those carried. */
    public int available(int end) {
        return inBuffer ? end - headerStart : length;
    }

    /** True while the header is read in place from the current feed. */
    public boolean inBuffer() {
        return inBuffer;
    }

    /** The header's start in the current feed (meaningful only when {@link #inBuffer()}). */
    public int headerStart() {
        return headerStart;
    }

    /** Bytes carried. */
    public int length() {
        return length;
    }

    public int capacity() {
        return bytes.length;
    }

    /** Drops carried bytes; the in-place position is kept for the caller's resume decision. */
    public void clear() {
        length = 0;
    }
}
