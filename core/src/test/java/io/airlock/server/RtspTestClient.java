package io.airlock.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A raw-socket RTSP client for tests: writes text, reads replies and {@code $} frames. */
final class RtspTestClient implements AutoCloseable {

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RtspTestClient(final int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(final String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends a request and reads its reply, skipping interleaved frames. */
    Reply request(final String text) throws IOException {
        send(text);
        return reply();
    }

    Reply reply() throws IOException {
        while (true) {
            final int first = in.read();
            if (first < 0) {
                return null;
            }
            if (first == '$') {
                in.readUnsignedByte();
                in.skipNBytes(in.readUnsignedShort());
                continue;
            }
            final StringBuilder head = new StringBuilder().append((char) first);
            while (!head.toString().endsWith("\r\n\r\n")) {
                final int c = in.read();
                if (c < 0) {
                    return null;
                }
                head.append((char) c);
            }
            final Reply r = new Reply(head.toString());
            final String cl = r.header("content-length");
            if (cl != null) {
                r.body = new String(in.readNBytes(Integer.parseInt(cl.trim())), StandardCharsets.UTF_8);
            }
            return r;
        }
    }

    /** The next interleaved frame: {channel, data...}; fails on text. */
    byte[] frame() throws IOException {
        final int first = in.read();
        if (first != '$') {
            throw new IOException("expected $ frame, got " + first);
        }
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(in.readUnsignedByte());
        b.write(in.readNBytes(in.readUnsignedShort()));
        return b.toByteArray();
    }

    /** True when the server closed the connection within the socket timeout. */
    boolean closedByPeer() {
        try {
            final byte[] buf = new byte[8192];
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return !e.getClass().getSimpleName().contains("Timeout");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static final class Reply {
        final int status;
        final String head;
        final Map<String, String> headers = new TreeMap<>();
        String body = "";

        Reply(final String head) {
            this.head = head;
            final String[] lines = head.split("\r\n");
            status = Integer.parseInt(lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length; i++) {
                final int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
        }

        String header(final String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
