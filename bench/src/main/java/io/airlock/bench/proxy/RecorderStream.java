package io.airlock.bench.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One raw recorder: a blocking RTSP handshake (OPTIONS, DESCRIBE, SETUP RTP/AVP/TCP interleaved=0-1, PLAY), then
 * RFC 2326 §10.12 {@code $} frames parsed in place from one buffer on the clients' selector thread, counting RTP
 * packets, bytes and sequence gaps. Nothing is allocated per frame.
 */
final class RecorderStream {

    private static final int BUFFER_BYTES = 256 * 1024;
    private static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final int FRAME_HEADER = 4;
    private static final int RTP_SEQUENCE_OFFSET = 2;
    private static final int MAX_FORWARD_GAP = 0x8000;

    private final String url;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private SocketChannel channel;
    private int cseq;
    private int lastSequence = -1;
    volatile long packets;
    volatile long bytes;
    volatile long gaps;
    volatile long reordered;
    volatile long rtspBytes;

    RecorderStream(String url) {
        this.url = url;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Connects and plays; leaves any media bytes already read in the buffer. */
    void open() throws IOException {
        URI uri = URI.create(url);
        channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        channel.socket().setTcpNoDelay(true);
        buffer.clear().flip();
        request("OPTIONS", url, "");
        String describe = request("DESCRIBE", url, "Accept: application/sdp\r\n");
        if (!describe.contains("m=video")) {
            throw new IOException("DESCRIBE " + url + ": no video in " + describe);
        }
        String setup = request("SETUP", url + "/trackID=1", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
        String session = header(setup, "session");
        if (session == null) {
            throw new IOException("SETUP " + url + ": no Session in " + setup);
        }
        int semi = session.indexOf(';');
        session = semi < 0 ? session : session.substring(0, semi);
        request("PLAY", url, "Session: " + session + "\r\nRange: npt=0.000-\r\n");
        channel.configureBlocking(false);
    }

    private String request(String method, String target, String headers) throws IOException {
        String text = method + " " + target + " RTSP/1.0\r\nCSeq: " + (++cseq) + "\r\nUser-Agent: airlock-load\r\n"
                + headers + "\r\n";
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        String reply = readReply();
        if (!reply.startsWith("RTSP/1.0 200")) {
            throw new IOException(method + " " + target + ": " + reply.lines().findFirst().orElse(""));
        }
        return reply;
    }

    /** Reads one reply (head and Content-Length body) from the buffer's readable part onwards. */
    private String readReply() throws IOException {
        while (true) {
            int end = find(buffer, "\r\n\r\n");
            if (end >= 0) {
                String head = ascii(buffer.position(), end + 4 - buffer.position());
                String length = header(head, "content-length");
                int body = length == null ? 0 : Integer.parseInt(length.trim());
                if (buffer.limit() - end - 4 >= body) {
                    String reply = head + ascii(end + 4, body);
                    buffer.position(end + 4 + body);
                    return reply;
                }
            }
            if (buffer.limit() - buffer.position() > MAX_REPLY_BYTES) {
                throw new IOException("reply too long from " + url);
            }
            buffer.compact();
            if (channel.read(buffer) < 0) {
                throw new IOException("closed by " + url);
            }
            buffer.flip();
        }
    }

    private String ascii(int from, int length) {
        byte[] b = new byte[length];
        buffer.get(from, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static int find(ByteBuffer b, String what) {
        outer:
        for (int i = b.position(); i + what.length() <= b.limit(); i++) {
            for (int k = 0; k < what.length(); k++) {
                if (b.get(i + k) != what.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String header(String reply, String lowerName) {
        for (String line : reply.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Parses what is buffered, then reads once more; returns false at end of stream. Selector thread only. */
    boolean readable() throws IOException {
        parse();
        buffer.compact();
        int n = channel.read(buffer);
        buffer.flip();
        parse();
        return n >= 0;
    }

    private void parse() throws IOException {
        ByteBuffer b = buffer;
        while (b.remaining() >= FRAME_HEADER) {
            int at = b.position();
            if (b.get(at) != '$') {
                // An RTSP reply in the stream (none expected: no keep-alives are sent): skip its head.
                int end = find(b, "\r\n\r\n");
                if (end < 0) {
                    return;
                }
                rtspBytes += end + 4 - at;
                b.position(end + 4);
                continue;
            }
            int channelId = b.get(at + 1) & 0xFF;
            int length = b.getShort(at + 2) & 0xFFFF;
            if (b.remaining() < FRAME_HEADER + length) {
                return;
            }
            if (channelId == 0 && length >= 12) {
                count(b.getShort(at + FRAME_HEADER + RTP_SEQUENCE_OFFSET) & 0xFFFF, length);
            }
            b.position(at + FRAME_HEADER + length);
        }
    }

    private void count(int sequence, int length) {
        if (lastSequence >= 0) {
            int gap = (sequence - lastSequence - 1) & 0xFFFF;
            if (gap >= MAX_FORWARD_GAP) {
                reordered = reordered + 1;
                return;
            }
            gaps = gaps + gap;
        }
        lastSequence = sequence;
        packets = packets + 1;
        bytes = bytes + length;
    }

    void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing at the end of a run
        }
    }
}
