package io.airlock.capture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child-process capture for tests that need another user, other capabilities or another network namespace:
 * {@code LiveCaptureProbe <interface> <bpf filter> <packets> <seconds>}. Prints {@code capturing on <interface>
 * CapEff=<hex>} once capture runs, one line per UDP/TCP packet, then the counters. A capture that cannot start
 * prints its message on stderr and exits with 3.
 */
public final class LiveCaptureProbe {

    static final String READY = "capturing on ";
    static final int CANNOT_CAPTURE = 3;
    private static final int MAX_SHOWN_PAYLOAD = 64;

    private LiveCaptureProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: LiveCaptureProbe <interface> <bpf filter> <packets> <seconds>");
            System.exit(2);
        }
        int wanted = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        LiveCaptureOptions options = LiveCaptureOptions.of(args[0]).withFilter(args[1].isEmpty() ? null : args[1]);
        try (LiveCapture capture = LiveCapture.open(options)) {
            System.out.println(READY + args[0] + " CapEff=" + effectiveCapabilities());
            System.out.flush();
            CaptureRecord record = new CaptureRecord();
            ByteBuf buffer = Unpooled.buffer(options.snaplen());
            PacketDecoder decoder = new PacketDecoder();
            int seen = 0;
            while (seen < wanted && System.nanoTime() < deadline) {
                if (capture.next(record, buffer)) {
                    seen++;
                    System.out.println(describe(decoder, record));
                    System.out.flush();
                }
            }
            LiveCaptureStats stats = capture.stats();
            System.out.println("stats received=" + stats.received() + " dropped=" + stats.droppedByKernel()
                    + " ifdropped=" + stats.droppedByInterface());
        } catch (CaptureException e) {
            System.err.println(e.getMessage());
            System.exit(CANNOT_CAPTURE);
        }
    }

    /** {@code UDP 10.77.1.10:40000 > 198.51.100.9:8800 flags=- payload=PTCP}; payload bytes outside ASCII as '.'. */
    static String describe(PacketDecoder decoder, CaptureRecord record) throws IOException {
        if (decoder.decode(record) != null || (decoder.protocol() != 6 && decoder.protocol() != 17)) {
            return "OTHER caplen=" + record.capturedLength();
        }
        StringBuilder line = new StringBuilder(decoder.protocol() == 6 ? "TCP " : "UDP ");
        line.append(address(decoder, decoder.sourceAddress())).append(':')
                .append(decoder.sourcePort()).append(" > ")
                .append(address(decoder, decoder.destinationAddress())).append(':')
                .append(decoder.destinationPort()).append(" flags=")
                .append(decoder.protocol() == 6 ? tcpFlags(decoder.tcpFlags()) : "-").append(" payload=");
        int shown = Math.min(decoder.payloadLength(), MAX_SHOWN_PAYLOAD);
        byte[] payload = new byte[shown];
        record.buffer().getBytes(decoder.payloadOffset(), payload);
        for (int i = 0; i < shown; i++) {
            line.append(payload[i] >= 0x20 && payload[i] < 0x7F
                    ? new String(payload, i, 1, StandardCharsets.US_ASCII) : ".");
        }
        return line.toString();
    }

    private static String address(PacketDecoder decoder, byte[] reused) throws IOException {
        return InetAddress.getByAddress(Arrays.copyOf(reused, decoder.ipVersion() == 4 ? 4 : 16)).getHostAddress();
    }

    private static String tcpFlags(int flags) {
        String names = "FSRPA";
        StringBuilder s = new StringBuilder();
        for (int bit = 0; bit < names.length(); bit++) {
            if ((flags & (1 << bit)) != 0) {
                s.append(names.charAt(bit));
            }
        }
        return s.length() == 0 ? "." : s.toString();
    }

    /** The CapEff line of /proc/self/status, e.g. {@code 0000000000002000} for CAP_NET_RAW alone. */
    static String effectiveCapabilities() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                return line.substring("CapEff:".length()).strip();
            }
        }
        return "unknown";
    }
}
