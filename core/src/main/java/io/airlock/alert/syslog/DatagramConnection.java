package io.airlock.alert.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * RFC 5426: one message per datagram. The channel is connected so that an ICMP port unreachable from a collector that
 * is down comes back as an error on the next send, which then backs off like a failed TCP connection.
 */
final class DatagramConnection implements Connection {

    private final String host;
    private final int port;
    private volatile DatagramChannel channel;
    private volatile long connects;

    DatagramConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void open() throws IOException {
        if (channel != null) {
            return;
        }
        InetSocketAddress to = new InetSocketAddress(host, port);
        if (to.isUnresolved()) {
            throw new UnknownHostException("cannot resolve " + host);
        }
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.connect(to);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        connects++;
    }

    @Override
    public void send(ByteBuffer message) throws IOException {
        open();
        try {
            channel.write(message);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void flush() {
        // Each datagram left when it was sent.
    }

    @Override
    public long connects() {
        return connects;
    }

    @Override
    public void close() throws IOException {
        DatagramChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }
}
