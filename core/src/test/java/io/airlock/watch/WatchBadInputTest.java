package io.airlock.watch;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.capture.PcapWriter;
import io.airlock.capture.SyntheticPackets;
import io.airlock.classify.SamplePayloads;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.OfflineInspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed DNS, SIP and TLS, and a capture cut short by its snaplen, neither crash the watch nor stop it. */
class WatchBadInputTest {

    private static final String CAMERA = PhoneHomeTraffic.CAMERA;
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepWatchingThroughMalformedRecordsAndTruncatedFrames() throws Exception {
        Path pcap = dir.resolve("hostile.pcap");
        Random random = new Random(7);
        long t = T0;
        try (OutputStream out = Files.newOutputStream(pcap); PcapWriter w = new PcapWriter(out)) {
            byte[] dns = SamplePayloads.dnsResponseA("dev.hik-connect.com", new byte[] {1, 2, 3, 4});
            byte[] loop = dns.clone();
            // A compression pointer to itself where the answer's name starts.
            int answer = 12 + "dev.hik-connect.com".length() + 2 + 4;
            loop[answer] = (byte) 0xC0;
            loop[answer + 1] = (byte) answer;
            w.udp(t++, "10.77.1.53", 53, CAMERA, 33_000, loop);
            for (byte[] base : List.of(dns, SamplePayloads.sipRegisterGb28181(),
                    SamplePayloads.tlsClientHello("api.hik-connect.com"))) {
                for (int i = 0; i < 200; i++) {
                    byte[] bad = base.clone();
                    for (int k = random.nextInt(8); k >= 0; k--) {
                        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                    }
                    bad = Arrays.copyOf(bad, random.nextInt(bad.length + 1));
                    int port = 5060 + (i % 3);
                    w.udp(t++, CAMERA, 40_000 + i, "203.0.113.50", port, bad);
                    w.udp(t++, "10.77.1.53", 53, CAMERA, 33_001 + i, bad);
                }
            }
            // Cut short by a 60-byte snaplen: headers only, some not even whole.
            for (int keep = 0; keep <= 60; keep += 3) {
                byte[] frame = w.frame(SyntheticPackets.udp(CAMERA, 41_000 + keep, "198.51.100.9", 8800,
                        SamplePayloads.dahuaPtcp()));
                w.record(t++, Arrays.copyOf(frame, Math.min(keep, frame.length)), frame.length);
            }
            w.udp(t, CAMERA, 42_000, "198.51.100.9", 8800, SamplePayloads.dahuaPtcp());
        }
        WatchPolicy policy = WatchPolicy.of(Map.of(CAMERA, "lobby"), List.of("10.77.1.1", "10.77.1.53"), List.of());
        InspectionResult r = new OfflineInspection(1024, "sleeping", true, policy)
                .inspect(pcap, FindingSink.NONE, p -> { });
        assertThat(r.internalErrors()).as("internal errors: %s", r.firstInternalError()).isZero();
        assertThat(r.problem()).isNull();
        assertThat(r.rejections().total()).as("malformed input is counted").isPositive();
        List<Finding> ptcp = r.findings().stream().filter(f -> f.rule() == Rule.NET_02
                && f.stream().sourcePort() == 42_000).toList();
        assertThat(ptcp).as("the watch carried on after the hostile records").hasSize(1);
    }
}
