package io.airlock.alert.syslog;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Octet-counted frames ("LEN SP MSG", RFC 6587 §3.4.1, RFC 5425 §4.3) over TCP, or over TLS when given an
 * {@link SSLContext}: TLS 1.2 or 1.3 only, the collector's certificate checked against {@code host} (DNS name or IP
 * address) like HTTPS does.
 *
 * <p>Collectors never send anything, so a watcher thread per connection reads and discards: end of stream or an error
 * there means the collector has gone, and the next send reconnects instead of writing into a dead socket. A message
 * written in the instant before that is noticed can still be lost; plain TCP syslog has no acknowledgements.
 */
final class StreamConnection implements Connection {

    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final String[] TLS_VERSIONS = {"TLSv1.3", "TLSv1.2"};
    /** Holds "LEN SP" and the largest message, so each frame leaves in one write. */
    private static final int BUFFER_BYTES = SyslogSettings.MAX_MESSAGE_BYTES + 16;

    private final String host;
    private final int port;
    private final SSLContext tls;
    private volatile Link link;
    private volatile long connects;

    /** @param tls the TLS context, or null for plain TCP */
    StreamConnection(String host, int port, SSLContext tls) {
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    /** One connected socket and whether its collector has gone. */
    private static final class Link {
        final Socket socket;
        final OutputStream out;
        volatile boolean gone;

        Link(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
        }
    }

    @Override
    public void open() throws IOException {
        Link l = link;
        if (l != null && !l.gone) {
            return;
        }
        close();
        InetSocketAddress to = new InetSocketAddress(host, port);
        if (to.isUnresolved()) {
            throw new UnknownHostException("cannot resolve " + host);
        }
        Socket socket = new Socket();
        try {
            socket.connect(to, CONNECT_TIMEOUT_MS);
            socket.setKeepAlive(true);
            if (tls != null) {
                socket = handshake(socket);
            }
            l = new Link(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        watch(l);
        link = l;
        connects++;
    }

    private SSLSocket handshake(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(TLS_VERSIONS);
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.setUseClientMode(true);
        s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        s.startHandshake();
        s.setSoTimeout(0);
        return s;
    }

    private static void watch(Link l) {
        Thread t = new Thread(() -> {
            byte[] sink = new byte[512];
            try {
                InputStream in = l.socket.getInputStream();
                while (in.read(sink) >= 0) {
                    // Collectors have nothing to say; whatever comes is discarded.
                }
            } catch (IOException ignored) {
                // The socket failed or was closed: either way the collector is gone for this link.
            }
            l.gone = true;
        }, "airlock-syslog-watch");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void send(ByteBuffer message) throws IOException {
        open();
        Link l = link;
        try {
            l.out.write(Integer.toString(message.remaining()).getBytes(StandardCharsets.US_ASCII));
            l.out.write(' ');
            if (message.hasArray()) {
                l.out.write(message.array(), message.arrayOffset() + message.position(), message.remaining());
            } else {
                byte[] copy = new byte[message.remaining()];
                message.duplicate().get(copy);
                l.out.write(copy);
            }
            // One write per frame: a frame left in our buffer when the link dies would be lost uncounted.
            l.out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        Link l = link;
        if (l == null) {
            return;
        }
        try {
            l.out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public long connects() {
        return connects;
    }

    @Override
    public void close() throws IOException {
        Link l = link;
        link = null;
        if (l != null) {
            l.gone = true;
            l.socket.close();
        }
    }
}
