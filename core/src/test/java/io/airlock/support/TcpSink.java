package io.airlock.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP listener for tests that need one in another network namespace: {@code TcpSink <port>} prints
 * {@code listening <port>}, then {@code received <text>} for each connection once its peer closes. Runs until killed.
 */
public final class TcpSink {

    static final String READY = "listening ";
    static final String RECEIVED = "received ";
    private static final int MAX_BYTES = 64 * 1024;

    private TcpSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(port));
            System.out.println(READY + port);
            System.out.flush();
            while (true) {
                try (Socket peer = server.accept(); InputStream in = peer.getInputStream()) {
                    byte[] text = in.readNBytes(MAX_BYTES);
                    System.out.println(RECEIVED + new String(text, StandardCharsets.US_ASCII));
                    System.out.flush();
                }
            }
        }
    }
}
