package io.airlock.net;

import io.netty.buffer.ByteBuf;

/** Receives the in-order byte stream of one TCP direction from {@link TcpReassembler}. */
public interface TcpStreamListener {

    /**
     * In-order bytes of {@code flow}: {@code len} bytes of {@code buf} at {@code off}. A zero-copy slice of the capture
     * when the segment arrived in order; valid only during the call. {@code fileOffset} is where the first of these
     * bytes sits in the capture file.
     */
    void tcpData(Flow flow, ByteBuf buf, int off, int len, long nowNs, long fileOffset);

    /** {@code missingBytes} of {@code flow} were never seen and have been given up; data resumes after the hole. */
    void tcpGap(Flow flow, long missingBytes);
}
