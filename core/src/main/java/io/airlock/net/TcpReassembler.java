package io.airlock.net;

import io.netty.buffer.ByteBuf;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns the TCP segments of each direction into an in-order byte stream (RFC 9293 §3.4 sequence space), enough for
 * RTSP with {@code $}-interleaved RTP. In-order segments are passed through as zero-copy slices; retransmissions and
 * overlaps are trimmed; out-of-order segments are copied into a bounded per-direction queue
 * ({@link #MAX_HELD_SEGMENTS}, {@link #MAX_HELD_BYTES}) and, when it overflows, the oldest hole is declared a gap.
 * A stream starts at the SYN (ISN + 1) or, for captures that begin mid-connection, at its first data segment.
 * Sequence arithmetic is modulo 2^32. Not thread-safe.
 */
public final class TcpReassembler {

    public static final int MAX_HELD_SEGMENTS = 64;
    public static final int MAX_HELD_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_STREAMS = 65_536;
    public static final int SYN = 0x02;

    private final Map<Flow, TcpStream> streams = new IdentityHashMap<>();
    private final int maxStreams;
    private long untracked;

    public TcpReassembler() {
        this(DEFAULT_MAX_STREAMS);
    }

    public TcpReassembler(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /**
     * Feeds one segment of {@code flow}: sequence number {@code seq} (u32), TCP flag bits, payload {@code len} bytes
     * of {@code buf} at {@code off}, whose first byte lies at {@code fileOffset} in the capture.
     */
    public void segment(Flow flow, long seq, int flags, ByteBuf buf, int off, int len, long nowNs, long fileOffset,
            TcpStreamListener listener) {
        TcpStream stream = streams.get(flow);
        if (stream == null) {
            if (streams.size() >= maxStreams) {
                // Past the bound, deliver as received: wrong order beats unbounded memory.
                untracked++;
                if (len > 0) {
                    listener.tcpData(flow, buf, off, len, nowNs, fileOffset);
                }
                return;
            }
            stream = new TcpStream();
            streams.put(flow, stream);
        }
        stream.segment(flow, seq & TcpStream.MASK, flags, buf, off, len, nowNs, fileOffset, listener);
    }

    /** Gives up every hole of {@code flow}, delivering what is held (e.g. at the end of a capture). */
    public void flush(Flow flow, TcpStreamListener listener) {
        TcpStream stream = streams.get(flow);
        if (stream != null) {
            stream.flush(flow, listener);
        }
    }

    /** {@link #flush(Flow, TcpStreamListener)} for every stream. */
    public void flushAll(TcpStreamListener listener) {
        for (Map.Entry<Flow, TcpStream> e : streams.entrySet()) {
            e.getValue().flush(e.getKey(), listener);
        }
    }

    /** Drops the state of {@code flow} (its held segments are discarded). */
    public void forget(Flow flow) {
        streams.remove(flow);
    }

    /** Directions with reassembly state. */
    public int streams() {
        return streams.size();
    }

    /** Segments passed through unordered because {@code maxStreams} was reached. */
    public long untracked() {
        return untracked;
    }

    /** Bytes currently held out of order for {@code flow}. */
    public int heldBytes(Flow flow) {
        TcpStream stream = streams.get(flow);
        return stream == null ? 0 : stream.heldBytes();
    }
}
