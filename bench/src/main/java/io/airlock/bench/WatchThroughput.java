package io.airlock.bench;

import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.capture.CaptureFileReader;
import io.airlock.capture.CaptureRecord;
import io.airlock.capture.PcapWriter;
import io.airlock.codec.Codec;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.watch.WatchConfig;
import io.airlock.watch.WatchInspector;
import io.airlock.watch.WatchPolicy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Load tool for the camera network watch on one core:
 * {@code java -cp bench/target/benchmarks.jar io.airlock.bench.WatchThroughput [pcap] [runs]}.
 * Writes (once, if missing) a capture of mixed camera-LAN traffic: {@value #CAMERAS} cameras each streaming 1080p
 * H.264 RTP to the recorder with RTCP, plus DNS, NTP, TLS and a steady trickle of phone-home flows (Dahua PTCP,
 * STUN, unknown TCP) on fresh ports so flows keep being created and classified. Then, on one thread, reads it with the
 * capture reader and feeds every frame to the {@link WatchInspector} exactly as the ring would, and prints the rate in
 * Gbit/s of frame bytes and packets per second, with the GC count. Goal: at least 1 Gbit/s.
 */
public final class WatchThroughput {

    static final long TARGET_BYTES = 400L * 1024 * 1024;
    static final int CAMERAS = 32;
    private static final String DEFAULT_PATH = "/tmp/airlock-bench-watch-mix.pcap";
    private static final String RECORDER = "10.50.0.1";
    private static final long START_NS = 1_700_000_000_000_000_000L;
    private static final long PACKET_NS = 10_000L;

    private WatchThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path pcap = Paths.get(args.length > 0 ? args[0] : DEFAULT_PATH);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.isRegularFile(pcap) || Files.size(pcap) < TARGET_BYTES) {
            write(pcap);
        }
        WatchPolicy policy = WatchPolicy.of(java.util.Map.of(), List.of(RECORDER, "10.50.0.53", "10.50.0.123"),
                List.of());
        for (int run = 1; run <= runs; run++) {
            long gc = gcCount();
            FindingTable table = new FindingTable(FindingSink.NONE, 100_000);
            WatchInspector watch = new WatchInspector(WatchConfig.of(policy), table, pcap.getFileName().toString());
            PacketEvent event = new PacketEvent();
            CaptureRecord record = new CaptureRecord();
            long frames = 0;
            long bytes = 0;
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            try (CaptureFileReader reader = CaptureFileReader.open(pcap)) {
                while (reader.next(record)) {
                    event.set(PacketKind.FRAME, record.buffer(), record.offset(), record.capturedLength(), false)
                            .timestampNs(record.timestampNs()).linkType(record.linkType());
                    watch.onEvent(event, frames, true);
                    frames++;
                    bytes += record.originalLength();
                }
            }
            event.set(PacketKind.END_OF_STREAM, null, 0, 0, false);
            watch.onEvent(event, frames, true);
            double seconds = (System.nanoTime() - start) / 1e9;
            double perFrame = (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / frames;
            System.out.printf(Locale.ROOT, "run %d: %,d frames, %.2f s, %.2f Gbit/s, %.2f Mpps, %.0f ns/frame, "
                            + "%.1f B allocated/frame, %,d flows created, %,d cameras, %,d findings, GC %d%n", run,
                    frames, seconds, bytes * 8 / seconds / 1e9, frames / seconds / 1e6, seconds * 1e9 / frames,
                    perFrame, watch.counters().flowsCreated(), watch.counters().cameras(), table.findings().size(),
                    gcCount() - gc);
        }
    }

    static void write(Path pcap) throws IOException {
        List<byte[]> lap = CameraStream.packets(Codec.H264, "camera1080p");
        Path tmp = pcap.resolveSibling(pcap.getFileName() + ".part");
        long written = 0;
        long n = 0;
        int phonePort = 20_000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
             PcapWriter w = new PcapWriter(out)) {
            for (int cam = 0; cam < CAMERAS; cam++) {
                String ip = camera(cam);
                w.tcp(START_NS, RECORDER, 50_000 + cam, ip, 554, 1, 0, 0x18,
                        ("OPTIONS rtsp://" + ip + "/ RTSP/1.0\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                w.tcp(START_NS, ip, 554, RECORDER, 50_000 + cam, 1, 1, 0x18,
                        "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            while (written < TARGET_BYTES) {
                for (byte[] rtp : lap) {
                    int cam = (int) (n % CAMERAS);
                    long ts = START_NS + n * PACKET_NS;
                    w.udp(ts, camera(cam), 50_000, RECORDER, 40_000 + 2 * cam, rtp);
                    written += 58 + rtp.length;
                    n++;
                    if (n % 200 == 0) {
                        w.udp(ts, camera(cam), 50_001, RECORDER, 40_001 + 2 * cam, rtcpSenderReport());
                    }
                    if (n % 997 == 0) {
                        w.udp(ts, camera(cam), 30_000 + (int) (n % 20_000), "10.50.0.53", 53, dnsQuery());
                    }
                    if (n % 1999 == 0) {
                        w.udp(ts, camera(cam), 123, "10.50.0.123", 123, new byte[48]);
                    }
                    if (n % 401 == 0) {
                        phonePort = phonePort == 60_000 ? 20_000 : phonePort + 1;
                        byte[] p = (n / 401) % 3 == 0 ? "PTCP\u0000\u0000\u0000\u0010".getBytes(StandardCharsets.ISO_8859_1)
                                : (n / 401) % 3 == 1 ? stunBinding() : new byte[64];
                        w.udp(ts, camera(cam), phonePort, "198.51.100.9", 8800, p);
                    }
                }
            }
        }
        Files.move(tmp, pcap, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "wrote %s: %,d bytes, %,d RTP packets from %d cameras%n", pcap,
                Files.size(pcap), n, CAMERAS);
    }

    private static String camera(int i) {
        return "10.50.1." + (10 + i);
    }

    private static byte[] rtcpSenderReport() {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(0x1234_5678);
        return b.array();
    }

    private static byte[] stunBinding() {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putShort((short) 1).putShort((short) 0).putInt(0x2112A442).putLong(42).putInt(7);
        return b.array();
    }

    private static byte[] dnsQuery() {
        ByteBuffer b = ByteBuffer.allocate(33);
        b.putShort((short) 0x1234).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        b.put((byte) 3).put("ntp".getBytes(StandardCharsets.US_ASCII)).put((byte) 7)
                .put("example".getBytes(StandardCharsets.US_ASCII)).put((byte) 3)
                .put("org".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).putShort((short) 1).putShort((short) 1);
        return b.array();
    }

    private static long gcCount() {
        long c = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            c += Math.max(0, gc.getCollectionCount());
        }
        return c;
    }
}
