package io.airlock.server;

/**
 * A {@link MediaSink} that sends one track of one session to the requesting peer: {@link TcpInterleavedEgress} or
 * {@link UdpEgress}. Never blocks the caller: packets go into a bounded per-egress queue drained on the channel's
 * event loop; when that queue is full the packet is dropped and counted.
 */
public interface Egress extends MediaSink, AutoCloseable {

    /** Packets accepted into the egress queue for the transport. */
    long sent();

    /** Packets dropped because the egress queue was full (or the egress already closed). */
    long dropped();

    /** Sequence number from the source's {@link #playing} call, -1 before it. */
    int firstSequenceNumber();

    /** RTP timestamp from the source's {@link #playing} call, -1 before it. */
    long firstRtpTime();

    /** Transport parameters for the SETUP reply, e.g. {@code interleaved=0-1} or {@code server_port=...}. */
    String transportParameters();

    /** Frees sockets; later offers are dropped. */
    @Override
    void close();
}
