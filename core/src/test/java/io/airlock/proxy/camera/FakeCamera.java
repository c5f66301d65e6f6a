package io.airlock.proxy.camera;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A scripted RTSP camera on loopback for tests: accepts connections one after another, reads requests and writes
 * whatever the script answers ({@code null} closes the connection). Can push interleaved frames on the current
 * connection and send UDP datagrams from chosen ports.
 */
final class FakeCamera implements AutoCloseable {

    /** One request as the camera saw it; header names lower-cased. */
    record Request(int connection, String method, String uri, Map<String, String> headers) {
        String header(final String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        int cseq() {
            return Integer.parseInt(header("CSeq").trim());
        }
    }

    private final ServerSocket server;
    private final BiFunction<Request, FakeCamera, String> script;
    private final Thread thread;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Socket current;
    private volatile int connections;

    FakeCamera(final BiFunction<Request, FakeCamera, String> script) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.script = script;
        this.thread = new Thread(this::serve, "fake-camera");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections;
    }

    String url(final String path) {
        return "rtsp://127.0.0.1:" + port() + path;
    }

    List<Request> requests(final String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** A response with CSeq echoed, the given header lines ("Name: value") and an optional body. */
    static String reply(final Request req, final String status, final String body, final String... headers) {
        final StringBuilder sb = new StringBuilder("RTSP/1.0 ").append(status).append("\r\nCSeq: ")
                .append(req.header("CSeq")).append("\r\n");
        for (final String h : headers) {
            sb.append(h).append("\r\n");
        }
        if (body != null) {
            sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                    .append(body);
        } else {
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** Writes raw bytes on the current connection. */
    synchronized void write(final byte[] bytes) throws IOException {
        final OutputStream out = current.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** One RFC 2326 §10.12 frame on the current connection. */
    void interleaved(final int channel, final byte[] data) throws IOException {
        final byte[] frame = new byte[4 + data.length];
        frame[0] = '$';
        frame[1] = (byte) channel;
        frame[2] = (byte) (data.length >> 8);
        frame[3] = (byte) data.length;
        System.arraycopy(data, 0, frame, 4, data.length);
        write(frame);
    }

    /** Sends {@code data} from local UDP port {@code fromPort} (0 = any) to the client's port. */
    static void datagram(final int fromPort, final int toPort, final byte[] data) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                fromPort))) {
            s.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), toPort));
        }
    }

    /** Closes the current connection (the camera "reboots"). */
    void dropConnection() throws IOException {
        final Socket s = current;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnection();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                current = s;
                final int id = ++connections;
                final InputStream in = s.getInputStream();
                while (true) {
                    final Request req = readRequest(id, in);
                    if (req == null) {
                        break;
                    }
                    requests.add(req);
                    final String answer = script.apply(req, this);
                    if (answer == null) {
                        break;
                    }
                    write(answer.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the test closed the camera or the client went away
            }
        }
    }

    private static Request readRequest(final int id, final InputStream in) throws IOException {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            final int c = in.read();
            if (c < 0) {
                return null;
            }
            if (c == '\r') {
                continue;
            }
            if (c == '\n' && prev == '\n') {
                break;
            }
            head.write(c);
            prev = c;
        }
        final String[] lines = head.toString(StandardCharsets.UTF_8).split("\n");
        final String[] start = lines[0].split(" ");
        final Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            final int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new Request(id, start[0], start[1], headers);
    }
}
