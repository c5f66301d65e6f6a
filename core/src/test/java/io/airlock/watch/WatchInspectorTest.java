package io.airlock.watch;

import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.capture.PacketDecoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.airlock.watch.WatchHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

class WatchInspectorTest {

    private static final String CAMERA = "10.77.1.10";
    private static final String AIRLOCK = "10.77.1.1";
    private static final byte[] UNKNOWN = "\u0001\u0002\u0003 opaque".getBytes(StandardCharsets.ISO_8859_1);

    private static WatchPolicy cameraOnly() {
        return WatchPolicy.of(Map.of(CAMERA, "lobby"), List.of(AIRLOCK), List.of("10.77.1.53"));
    }

    @Test
    void shouldRaiseOneFindingPerFlowAndCountItsPackets() {
        WatchHarness h = new WatchHarness(cameraOnly());
        for (int i = 0; i < 50; i++) {
            h.udp(T0 + i, CAMERA, 40000, "198.51.100.9", 9999, UNKNOWN);
        }
        h.end();
        List<Finding> f = h.findings(Rule.NET_01);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).count()).isEqualTo(50);
        assertThat(f.get(0).details()).containsEntry("camera", "lobby (10.77.1.10)")
                .containsEntry("destination", "198.51.100.9:9999").containsEntry("packets_out", "50")
                .containsEntry("bytes_out", Integer.toString(50 * UNKNOWN.length));
        assertThat(f.get(0).stream().sourceIp()).isEqualTo(CAMERA);
    }

    @Test
    void shouldStayQuietForSanctionedPeers() {
        WatchHarness h = new WatchHarness(cameraOnly());
        h.udp(T0, CAMERA, 40000, AIRLOCK, 5000, UNKNOWN).udp(T0, CAMERA, 40001, "10.77.1.53", 53, UNKNOWN)
                .udp(T0, AIRLOCK, 5000, CAMERA, 40000, UNKNOWN).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void shouldBoundFlowsPerCameraAndAggregateTheRest() {
        WatchHarness h = new WatchHarness(new WatchConfig(cameraOnly(), 1024, 100, Duration.ofMinutes(2)));
        for (int port = 1; port <= 10_000; port++) {
            h.udp(T0 + port, CAMERA, 40000, "198.51.100.9", port, UNKNOWN);
        }
        h.end();
        assertThat(h.inspector().counters().flows()).isEqualTo(100);
        List<Finding> net01 = h.findings(Rule.NET_01);
        // One per tracked flow, and one that aggregates every flow that did not fit.
        assertThat(net01).hasSize(101);
        Finding aggregate = net01.stream().filter(f -> f.summary().contains("more flows")).findFirst().orElseThrow();
        assertThat(aggregate.count()).isEqualTo(9_900);
    }

    @Test
    void shouldExpireIdleFlowsAndKeepTheirFindings() {
        WatchHarness h = new WatchHarness(new WatchConfig(cameraOnly(), 1024, 100, Duration.ofSeconds(10)));
        h.udp(T0, CAMERA, 40000, "198.51.100.9", 1, UNKNOWN);
        h.idle(T0 + Duration.ofSeconds(5).toNanos()).idle(T0 + Duration.ofSeconds(30).toNanos());
        assertThat(h.inspector().counters().flows()).isZero();
        assertThat(h.inspector().counters().flowsExpired()).isEqualTo(1);
        assertThat(h.findings(Rule.NET_01)).hasSize(1);
    }

    @Test
    void shouldInferTheCameraFromItsRtspRepliesAndJudgeItsEarlierFlows() {
        WatchHarness h = new WatchHarness(WatchPolicy.inferred());
        h.udp(T0, CAMERA, 40000, "198.51.100.9", 9999, UNKNOWN);
        assertThat(h.findings()).isEmpty();
        h.tcp(T0 + 1, AIRLOCK, 50000, CAMERA, 554, PacketDecoder.TCP_SYN, new byte[0])
                .tcp(T0 + 2, AIRLOCK, 50000, CAMERA, 554, PacketDecoder.TCP_ACK,
                        "OPTIONS rtsp://10.77.1.10/ RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .tcp(T0 + 3, CAMERA, 554, AIRLOCK, 50000, PacketDecoder.TCP_ACK,
                        "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .end();
        assertThat(h.inspector().counters().camerasInferred()).isEqualTo(1);
        assertThat(h.findings(Rule.NET_01)).singleElement()
                .satisfies(f -> assertThat(f.firstSeenNs()).isEqualTo(T0));
        // Its RTSP client is its sanctioned peer.
        assertThat(h.findings()).allMatch(f -> !f.stream().destinationIp().equals(AIRLOCK));
    }

    @Test
    void shouldNotTreatAHostAsACameraWhenCamerasAreGiven() {
        WatchHarness h = new WatchHarness(WatchPolicy.of(Map.of("10.77.1.99", ""), List.of(), List.of()));
        h.tcp(T0, CAMERA, 554, AIRLOCK, 50000, PacketDecoder.TCP_ACK,
                        "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .udp(T0, CAMERA, 40000, "198.51.100.9", 9999, UNKNOWN).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void shouldSurviveTruncatedAndMalformedFrames() {
        WatchHarness h = new WatchHarness(cameraOnly());
        byte[] ip = io.airlock.capture.SyntheticPackets.udp(CAMERA, 40000, "198.51.100.9", 53, new byte[300]);
        for (int keep = 0; keep < ip.length; keep += 7) {
            h.frame(T0 + keep, PacketDecoder.LINKTYPE_RAW, ip, keep);
        }
        h.frame(T0, PacketDecoder.LINKTYPE_ETHERNET, new byte[] {1, 2, 3}, 3).frame(T0, 9999, new byte[10], 10);
        h.udp(T0 + 1000, CAMERA, 40001, "198.51.100.10", 7, UNKNOWN).end();
        assertThat(h.findings(Rule.NET_01)).extracting(f -> f.stream().destinationIp())
                .contains("198.51.100.10");
        assertThat(h.inspector().frameRejections().total()).isPositive();
    }
}
