package io.airlock.management;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A raw-socket HTTP/1.1 client for the tests: sends exactly the bytes given (so requests may be malformed, oversized or
 * carry any Host) and reads one response by its Content-Length.
 */
public final class HttpProbe implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    public HttpProbe(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 5000);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
    }

    /** {@code GET path} with a loopback Host and the given extra header lines; the response. */
    public static Response get(InetSocketAddress server, String path, String... headers) throws IOException {
        try (HttpProbe p = new HttpProbe(server)) {
            return p.request("GET", path, headers);
        }
    }

    /** Sends {@code method path} with {@code Host: 127.0.0.1:port} unless a Host line is among {@code headers}. */
    public Response request(String method, String path, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            sb.append(h).append("\r\n");
            host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
        }
        if (!host) {
            sb.append("Host: 127.0.0.1:").append(socket.getPort()).append("\r\n");
        }
        send(sb.append("\r\n").toString());
        return response();
    }

    public void send(String raw) throws IOException {
        socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** The next response; null when the server closed the connection first. */
    public Response response() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.write(c);
            matched = c == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : c == '\r' ? 1 : 0;
        }
        Response r = new Response(head.toString(StandardCharsets.ISO_8859_1));
        String length = r.header("content-length");
        r.body = new String(in.readNBytes(length == null ? 0 : Integer.parseInt(length)), StandardCharsets.UTF_8);
        return r;
    }

    /** True when the server closed the connection (reading gives end of stream) within the socket timeout. */
    public boolean closedByServer() {
        try {
            InputStream s = socket.getInputStream();
            while (true) {
                if (s.read() < 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One response: status, headers (lower-case names) and body. */
    public static final class Response {
        public final int status;
        public final String head;
        public final Map<String, String> headers = new TreeMap<>();
        public String body;

        Response(String head) {
            this.head = head;
            String[] lines = head.split("\r\n");
            status = Integer.parseInt(lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return head + body;
        }
    }
}
