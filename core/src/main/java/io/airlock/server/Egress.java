package io.airlock.server;

/**
 * A {@link MediaSink} that sends one track of one session to the requesting peer: {@link TcpInterleavedEgress} or
 * {@link UdpEgress}. Never blocks the caller; what cannot be sent now is dropped and counted.
 */
public interface Egress extends MediaSink, AutoCloseable {

    /** Packets handed to the transport. */
    long sent();

    /** Packets dropped because the transport was not writable (or already closed). */
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
