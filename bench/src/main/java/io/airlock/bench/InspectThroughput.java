package io.airlock.bench;

import io.airlock.alert.FindingSink;
import io.airlock.capture.PcapWriter;
import io.airlock.codec.Codec;
import io.airlock.inspect.InputException;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.OfflineInspection;
import io.airlock.pipeline.WaitStrategies;
import io.airlock.rtp.RtpPacket;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Load tool: {@code java -cp bench/target/benchmarks.jar io.airlock.bench.InspectThroughput [pcap] [runs] [stream]}.
 * Writes (once, if missing) a pcap of at least {@value #TARGET_BYTES} bytes holding one RTSP-less RTP/UDP H.264
 * stream, the {@link CameraStream} packets looped with running sequence numbers and timestamps; reads it once to warm
 * the page cache; then runs {@link OfflineInspection#inspect} on it {@code runs} times, printing MB/s and GB/s, the
 * findings and streams, and the GC count and time each run cost. Goal: 1 GB/s.
 */
public final class InspectThroughput {

    static final long TARGET_BYTES = 520L * 1024 * 1024;
    private static final String DEFAULT_PATH = "/tmp/airlock-bench-520mb.pcap";
    private static final int DEFAULT_RUNS = 3;
    private static final int RING_SIZE = 16_384;
    private static final long START_NS = 1_700_000_000_000_000_000L;
    private static final long FRAME_NS = 40_000_000L;
    private static final int READ_CHUNK = 1 << 20;
    private static final double MB = 1e6;
    private static final double GB = 1e9;

    private InspectThroughput() {
    }

    public static void main(String[] args) throws IOException, InputException {
        Path pcap = Paths.get(args.length > 0 ? args[0] : DEFAULT_PATH);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
        String stream = args.length > 2 ? args[2] : "recording";
        if (!Files.isRegularFile(pcap) || Files.size(pcap) < TARGET_BYTES) {
            write(pcap, stream);
        }
        long size = Files.size(pcap);
        long t0 = System.nanoTime();
        warm(pcap);
        System.out.printf(Locale.ROOT, "%s: %,d bytes, page cache warmed in %.2f s%n", pcap, size,
                (System.nanoTime() - t0) / 1e9);
        OfflineInspection inspection = new OfflineInspection(RING_SIZE, WaitStrategies.DEFAULT);
        for (int run = 1; run <= runs; run++) {
            long gcCount = gcCount();
            long gcMillis = gcMillis();
            long start = System.nanoTime();
            InspectionResult result = inspection.inspect(pcap, FindingSink.NONE, progress -> { });
            long ns = System.nanoTime() - start;
            double seconds = ns / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.2f s, %.1f MB/s, %.3f GB/s, %,d packets (%.1f ns/packet), "
                    + "%d findings, %d streams, internal errors %d, GC %d collections / %d ms%n", run, seconds,
                    size / seconds / MB, size / seconds / GB, result.packets(), (double) ns / result.packets(),
                    result.findings().size(), result.streams().size(), result.internalErrors(),
                    gcCount() - gcCount, gcMillis() - gcMillis);
        }
    }

    /** One H.264 RTP stream over UDP, looped until the file reaches the target size; written aside, then renamed. */
    static void write(Path pcap, String stream) throws IOException {
        List<byte[]> lap = CameraStream.packets(Codec.H264, stream);
        long lapTicks = (long) CameraStream.frames(Codec.H264, stream) * CameraStream.TICKS_PER_FRAME;
        Path tmp = pcap.resolveSibling(pcap.getFileName() + ".part");
        long start = System.nanoTime();
        long packets = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
             PcapWriter writer = new PcapWriter(out)) {
            long written = 0;
            int sequence = 0;
            for (long l = 0; written < TARGET_BYTES; l++) {
                for (byte[] p : lap) {
                    byte[] packet = p.clone();
                    long ts = (u32(p, RtpPacket.TIMESTAMP_OFFSET) + l * lapTicks) & 0xFFFF_FFFFL;
                    packet[RtpPacket.SEQUENCE_NUMBER_OFFSET] = (byte) (sequence >>> 8);
                    packet[RtpPacket.SEQUENCE_NUMBER_OFFSET + 1] = (byte) sequence;
                    for (int b = 0; b < 4; b++) {
                        packet[RtpPacket.TIMESTAMP_OFFSET + b] = (byte) (ts >>> (24 - 8 * b));
                    }
                    sequence = (sequence + 1) & 0xFFFF;
                    long frame = (l * lapTicks + u32(p, RtpPacket.TIMESTAMP_OFFSET)) / CameraStream.TICKS_PER_FRAME;
                    writer.udp(START_NS + frame * FRAME_NS, "192.168.1.64", 50_000, "192.168.1.10", 40_000, packet);
                    // record header 16 + Ethernet 14 + IPv4 20 + UDP 8
                    written += 58 + packet.length;
                    packets++;
                }
            }
        }
        Files.move(tmp, pcap, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "wrote %s: %,d bytes, %,d RTP packets (%s stream) in %.1f s%n", pcap,
                Files.size(pcap), packets, stream, (System.nanoTime() - start) / 1e9);
    }

    private static long u32(byte[] p, int at) {
        return ((p[at] & 0xFFL) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
    }

    private static void warm(Path pcap) throws IOException {
        byte[] chunk = new byte[READ_CHUNK];
        try (InputStream in = Files.newInputStream(pcap)) {
            while (in.read(chunk) >= 0) {
                continue;
            }
        }
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
