package io.airlock.capture;

import java.io.IOException;

/**
 * Writes one TCP connection between a client and a server into a {@link PcapWriter}, tracking both sides' sequence
 * and acknowledgment numbers: {@link #handshake(long)}, data either way, {@link #close(long)}. For tests.
 */
public final class TcpConversation {

    private final PcapWriter writer;
    private final String client;
    private final int clientPort;
    private final String server;
    private final int serverPort;
    private long clientSeq;
    private long serverSeq;

    public TcpConversation(PcapWriter writer, String client, int clientPort, String server, int serverPort,
            long clientIsn, long serverIsn) {
        this.writer = writer;
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
        this.clientSeq = clientIsn & 0xFFFFFFFFL;
        this.serverSeq = serverIsn & 0xFFFFFFFFL;
    }

    /** SYN, SYN-ACK, ACK. */
    public TcpConversation handshake(long tsNs) throws IOException {
        writer.tcp(tsNs, client, clientPort, server, serverPort, clientSeq, 0, PacketDecoder.TCP_SYN, new byte[0]);
        clientSeq = next(clientSeq, 1);
        writer.tcp(tsNs, server, serverPort, client, clientPort, serverSeq, clientSeq,
                PacketDecoder.TCP_SYN | PacketDecoder.TCP_ACK, new byte[0]);
        serverSeq = next(serverSeq, 1);
        writer.tcp(tsNs, client, clientPort, server, serverPort, clientSeq, serverSeq, PacketDecoder.TCP_ACK,
                new byte[0]);
        return this;
    }

    public TcpConversation clientSends(long tsNs, byte[] data) throws IOException {
        writer.tcp(tsNs, client, clientPort, server, serverPort, clientSeq, serverSeq,
                PacketDecoder.TCP_ACK | PacketDecoder.TCP_PSH, data);
        clientSeq = next(clientSeq, data.length);
        return this;
    }

    public TcpConversation serverSends(long tsNs, byte[] data) throws IOException {
        writer.tcp(tsNs, server, serverPort, client, clientPort, serverSeq, clientSeq,
                PacketDecoder.TCP_ACK | PacketDecoder.TCP_PSH, data);
        serverSeq = next(serverSeq, data.length);
        return this;
    }

    /** FIN from the client, FIN-ACK from the server, final ACK. */
    public TcpConversation close(long tsNs) throws IOException {
        int finAck = PacketDecoder.TCP_FIN | PacketDecoder.TCP_ACK;
        writer.tcp(tsNs, client, clientPort, server, serverPort, clientSeq, serverSeq, finAck, new byte[0]);
        clientSeq = next(clientSeq, 1);
        writer.tcp(tsNs, server, serverPort, client, clientPort, serverSeq, clientSeq, finAck, new byte[0]);
        serverSeq = next(serverSeq, 1);
        writer.tcp(tsNs, client, clientPort, server, serverPort, clientSeq, serverSeq, PacketDecoder.TCP_ACK,
                new byte[0]);
        return this;
    }

    public long clientSequence() {
        return clientSeq;
    }

    public long serverSequence() {
        return serverSeq;
    }

    private static long next(long seq, int n) {
        return (seq + n) & 0xFFFFFFFFL;
    }
}
