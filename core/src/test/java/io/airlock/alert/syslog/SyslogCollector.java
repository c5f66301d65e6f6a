package io.airlock.alert.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** A syslog collector on 127.0.0.1 for the tests: accepts TCP or TLS connections and reads octet-counted frames. */
public final class SyslogCollector implements Closeable {

    private static final int MAX_FRAME = 1 << 20;

    private final ServerSocket server;
    private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** Listens on {@code port} (0: any free port); with {@code tls}, speaks TLS with that context's key. */
    public SyslogCollector(int port, SSLContext tls) throws IOException {
        server = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread t = new Thread(this::accept, "test-syslog-collector");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next message, or null after {@code seconds}. */
    public byte[] next(int seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Why connections ended other than by the peer closing them (TLS handshake failures and the like). */
    public List<String> failures() {
        return failures;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                connections.add(s);
                Thread reader = new Thread(() -> read(s), "test-syslog-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            while (true) {
                int length = 0;
                int digits = 0;
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < 0) {
                        return;
                    }
                    if (c < '0' || c > '9' || ++digits > 7 || digits == 1 && c == '0') {
                        throw new IOException("bad frame length byte " + c);
                    }
                    length = length * 10 + (c - '0');
                }
                if (digits == 0 || length > MAX_FRAME) {
                    throw new IOException("bad frame length " + length);
                }
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    throw new IOException("frame cut short");
                }
                messages.add(message);
            }
        } catch (SocketException e) {
            // Closed by the test.
        } catch (IOException e) {
            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Drops every connection but keeps listening. */
    public void dropConnections() throws IOException {
        for (Socket s : connections) {
            s.close();
        }
        connections.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
