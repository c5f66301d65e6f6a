package io.airlock.watch;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.capture.PcapWriter;
import io.airlock.capture.TcpConversation;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.OfflineInspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WatchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smoke() throws Exception {
        Path pcap = dir.resolve("a.pcap");
        long t = 1_700_000_000_000_000_000L;
        try (OutputStream out = Files.newOutputStream(pcap); PcapWriter w = new PcapWriter(out)) {
            TcpConversation rtsp = new TcpConversation(w, "10.77.1.1", 40000, "10.77.1.10", 554, 1, 1000);
            rtsp.handshake(t).clientSends(t, "OPTIONS rtsp://10.77.1.10/ RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                    .serverSends(t, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                    .clientSends(t, "SETUP rtsp://10.77.1.10/1 RTSP/1.0\r\nCSeq: 2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] rtp = new byte[100];
            rtp[0] = (byte) 0x80;
            rtp[1] = 96;
            for (int i = 0; i < 5; i++) {
                w.udp(t + i, "10.77.1.10", 50000, "10.77.1.1", 40002, rtp);
            }
            byte[] ptcp = "PTCP0000000000000000000000".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3; i++) {
                w.udp(t + i, "10.77.1.10", 41000, "198.51.100.9", 8800, ptcp);
            }
            w.udp(t, "10.77.1.10", 41001, "203.0.113.50", 443, rtp);
        }
        InspectionResult r = new OfflineInspection(1024, "sleeping").inspect(pcap, FindingSink.NONE, p -> { });
        for (Finding f : r.findings()) {
            System.out.println(f + " " + f.details());
        }
        assertThat(r.findings()).extracting(Finding::rule).contains(Rule.NET_02, Rule.RTSP_01);
    }
}
