package io.airlock.proxy;

import io.airlock.rtsp.auth.DigestAlgorithm;
import io.airlock.rtsp.auth.DigestCredentials;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A raw-socket RTSP recorder for the end-to-end tests: text requests, replies, {@code $} frames, optional Digest. */
final class RawRtspClient implements AutoCloseable {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]*)\"");

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int cseq;
    private DigestCredentials credentials;
    private String realm;
    private String nonce;
    String session;

    RawRtspClient(int port) throws IOException {
        this(port, null);
    }

    /** Connects from {@code localAddress} (e.g. 127.0.0.2) when not null. */
    RawRtspClient(int port, String localAddress) throws IOException {
        socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Answers Digest challenges with these credentials from now on. */
    RawRtspClient credentials(String username, String password) {
        credentials = new DigestCredentials(username, password.toCharArray());
        return this;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code method url} with the extra header lines; retries once with Digest on a 401 when it can. */
    Reply request(String method, String url, String... headers) throws IOException {
        Reply r = once(method, url, headers);
        if (r != null && r.status == 401 && credentials != null && nonce == null) {
            String challenge = r.header("www-authenticate");
            Matcher n = NONCE.matcher(challenge == null ? "" : challenge);
            Matcher m = REALM.matcher(challenge == null ? "" : challenge);
            if (n.find() && m.find()) {
                nonce = n.group(1);
                realm = m.group(1);
                r = once(method, url, headers);
            }
        }
        if (r != null && r.header("session") != null && session == null) {
            session = r.header("session").split(";")[0].trim();
        }
        return r;
    }

    private Reply once(String method, String url, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder(method).append(' ').append(url).append(" RTSP/1.0\r\nCSeq: ")
                .append(++cseq).append("\r\nUser-Agent: airlock-e2e\r\n");
        if (session != null) {
            sb.append("Session: ").append(session).append("\r\n");
        }
        if (credentials != null && nonce != null) {
            sb.append("Authorization: ").append(credentials.authorization(DigestAlgorithm.MD5, realm, nonce, method,
                    url, null, null, 0, null)).append("\r\n");
        }
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        send(sb.append("\r\n").toString());
        return reply();
    }

    /** DESCRIBE, SETUP track 1 over TCP interleaved 0-1, PLAY; fails unless each answers 200. */
    void playInterleaved(String url) throws IOException {
        expectOk(request("DESCRIBE", url, "Accept: application/sdp"));
        expectOk(request("SETUP", url + "/trackID=1", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"));
        expectOk(request("PLAY", url, "Range: npt=0.000-"));
    }

    private static void expectOk(Reply r) throws IOException {
        if (r == null || r.status != 200) {
            throw new IOException("expected 200, got " + (r == null ? "connection closed" : r.head));
        }
    }

    /** The next reply, skipping interleaved frames; null when the connection closed. */
    Reply reply() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            if (first == '$') {
                in.readUnsignedByte();
                in.skipNBytes(in.readUnsignedShort());
                continue;
            }
            StringBuilder head = new StringBuilder().append((char) first);
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                head.append((char) c);
            }
            Reply r = new Reply(head.toString());
            String cl = r.header("content-length");
            if (cl != null) {
                r.body = new String(in.readNBytes(Integer.parseInt(cl.trim())), StandardCharsets.UTF_8);
            }
            return r;
        }
    }

    /** The next interleaved frame as {channel, packet...}, skipping text replies; null when closed. */
    byte[] frame() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            if (first != '$') {
                // A keep-alive reply or similar: skip to the end of its head.
                int matched = 0;
                while (matched < 4) {
                    int c = in.read();
                    if (c < 0) {
                        return null;
                    }
                    matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
                }
                continue;
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(in.readUnsignedByte());
            b.write(in.readNBytes(in.readUnsignedShort()));
            return b.toByteArray();
        }
    }

    /** True when the server closed the connection (or reset it) within the socket timeout. */
    boolean closedByPeer() {
        try {
            byte[] buf = new byte[8192];
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
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

        Reply(String head) {
            this.head = head;
            String[] lines = head.split("\r\n");
            String[] first = lines[0].split(" ");
            status = first.length > 1 && first[1].matches("\\d{3}") ? Integer.parseInt(first[1]) : -1;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
