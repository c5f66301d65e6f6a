package io.airlock.watch;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.alert.Severity;
import io.airlock.capture.PacketDecoder;
import io.airlock.capture.PcapWriter;
import io.airlock.capture.TcpConversation;
import io.airlock.classify.SamplePayloads;
import io.airlock.inspect.InspectionResult;
import io.airlock.inspect.OfflineInspection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.airlock.watch.PhoneHomeTraffic.AIRLOCK;
import static io.airlock.watch.PhoneHomeTraffic.ATTACKER;
import static io.airlock.watch.PhoneHomeTraffic.CAMERA;
import static io.airlock.watch.PhoneHomeTraffic.CLOUD;
import static io.airlock.watch.PhoneHomeTraffic.RESOLVER;
import static io.airlock.watch.PhoneHomeTraffic.TIME_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded camera network: a recorder session with the camera, sanctioned NTP and DNS, and one flow of every kind
 * of phone-home traffic, each sent several times. Each must be reported exactly once per flow, with its rule.
 */
class PhoneHomeCaptureTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int REPEATS = 3;
    private static final int REDIRECT_PORT = 30_000;

    @TempDir
    static Path dir;
    static InspectionResult result;
    static final Map<String, Integer> SOURCE_PORTS = new java.util.HashMap<>();

    @BeforeAll
    static void inspect() throws Exception {
        Path pcap = dir.resolve("phone-home.pcap");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pcap));
             PcapWriter w = new PcapWriter(out)) {
            write(w);
        }
        WatchPolicy policy = WatchPolicy.of(Map.of(), List.of(AIRLOCK, RESOLVER, TIME_SERVER), List.of());
        result = new OfflineInspection(1024, "sleeping", true, policy).inspect(pcap, FindingSink.NONE, p -> { });
        assertThat(result.internalErrors()).as("internal errors: %s", result.firstInternalError()).isZero();
    }

    static void write(PcapWriter w) throws Exception {
        long t = T0;
        TcpConversation rtsp = new TcpConversation(w, AIRLOCK, 50_000, CAMERA, 554, 100, 900);
        rtsp.handshake(t).clientSends(t, ascii("OPTIONS rtsp://" + CAMERA + "/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"))
                .serverSends(t, ascii("RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE, SETUP, PLAY\r\n\r\n"))
                .clientSends(t, ascii("SETUP rtsp://" + CAMERA + "/trackID=1 RTSP/1.0\r\nCSeq: 2\r\n"
                        + "Transport: RTP/AVP;unicast;client_port=40000-40001\r\n\r\n"))
                .serverSends(t, ascii("RTSP/1.0 200 OK\r\nCSeq: 2\r\nSession: 1234\r\nTransport: RTP/AVP;unicast;"
                        + "client_port=40000-40001;server_port=50000-50001\r\n\r\n"));
        for (int i = 0; i < 20; i++) {
            w.udp(t + i, CAMERA, 50_000, AIRLOCK, 40_000, SamplePayloads.rtpPacket(96, i, i * 3600L, 0x1234, new byte[200]));
        }
        w.udp(t, CAMERA, 123, TIME_SERVER, 123, SamplePayloads.ntpClientRequest());
        w.udp(t, TIME_SERVER, 123, CAMERA, 123, SamplePayloads.ntpClientRequest());
        w.udp(t, CAMERA, 33_333, RESOLVER, 53, SamplePayloads.dnsQuery("pool.ntp.org"));
        w.udp(t, RESOLVER, 53, CAMERA, 33_333, SamplePayloads.dnsResponseA("pool.ntp.org", new byte[] {10, 77, 1, 123}));
        w.udp(t, CAMERA, 33_334, RESOLVER, 53, SamplePayloads.dnsQuery("api.hik-connect.com"));
        w.udp(t, RESOLVER, 53, CAMERA, 33_334,
                SamplePayloads.dnsResponseA("api.hik-connect.com", new byte[] {(byte) 203, 0, 113, 50}));
        int port = 41_000;
        for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.cases()) {
            SOURCE_PORTS.put(c.name(), port);
            send(w, c, CAMERA, port++, t += 1_000_000);
        }
        for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.attacks()) {
            SOURCE_PORTS.put(c.name(), port);
            send(w, c, ATTACKER, port++, t += 1_000_000);
        }
        for (int i = 0; i < REPEATS; i++) {
            w.udp(t + i, CAMERA, 50_002, CLOUD, REDIRECT_PORT, SamplePayloads.rtpPacket(96, i, 0, 0x99, new byte[100]));
        }
        for (int i = 0; i < REPEATS; i++) {
            w.record(t + i, sadpFrame(), sadpFrame().length);
        }
    }

    private static void send(PcapWriter w, PhoneHomeTraffic.Case c, String from, int port, long t) throws Exception {
        if (!c.tcp()) {
            for (int i = 0; i < REPEATS; i++) {
                w.udp(t + i, from, port, c.destination(), c.port(), c.payload());
            }
            return;
        }
        if (c.payload().length == 0) {
            for (int i = 0; i < REPEATS; i++) {
                w.tcp(t + i, from, port, c.destination(), c.port(), 7, 0, PacketDecoder.TCP_SYN, new byte[0]);
            }
            return;
        }
        new TcpConversation(w, from, port, c.destination(), c.port(), 1, 1).handshake(t).clientSends(t, c.payload())
                .close(t + 1);
    }

    /** Hikvision SADP at layer 2: broadcast, EtherType 0x8033, sent by the camera's MAC. */
    static byte[] sadpFrame() {
        byte[] payload = SamplePayloads.sadpL2Frame();
        return ByteBuffer.allocate(14 + payload.length)
                .put(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})
                .put(new byte[] {0x44, 0x19, (byte) 0xB6, 0x01, 0x02, 0x03}).putShort((short) 0x8033).put(payload)
                .array();
    }

    private static List<Finding> on(String destination, int port) {
        return result.findings().stream().filter(f -> destination.equals(f.stream().destinationIp())
                && f.stream().destinationPort() == port).collect(Collectors.toList());
    }

    /** The findings on the flow of one case. */
    private static List<Finding> on(PhoneHomeTraffic.Case c) {
        int from = SOURCE_PORTS.get(c.name());
        return on(c.destination(), c.port()).stream().filter(f -> f.stream().sourcePort() == from)
                .collect(Collectors.toList());
    }

    @Test
    void shouldReportEveryPhoneHomeFlowOnceWithItsRule() {
        for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.cases()) {
            assertThat(on(c)).as(c.name()).extracting(Finding::rule).containsExactly(c.rule());
        }
    }

    @Test
    void shouldNameTheCameraThePeerAndTheEvidence() {
        Finding ptcp = on(PhoneHomeTraffic.P2P_CLOUD, 8800).get(0);
        assertThat(ptcp.stream().sourceIp()).isEqualTo(CAMERA);
        assertThat(ptcp.details()).containsEntry("camera", CAMERA).containsEntry("destination",
                PhoneHomeTraffic.P2P_CLOUD + ":8800").containsEntry("verdict", "dahua-ptcp")
                .containsEntry("packets_out", Integer.toString(REPEATS));
        assertThat(ptcp.matchedHex()).startsWith("50544350");
        assertThat(ptcp.count()).isEqualTo(REPEATS);
        Finding tls = on(CLOUD, 443).get(0);
        assertThat(tls.details()).containsEntry("dns_name", "api.hik-connect.com")
                .containsValue("api.hik-connect.com");
        Finding dns = on(PhoneHomeTraffic.cases().get(2)).get(0);
        assertThat(dns.details()).containsEntry("qname", "dev.hik-connect.com");
    }

    @Test
    void shouldReportEachAttackWithWhereItCameFrom() {
        for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.attacks()) {
            List<Finding> found = on(c);
            assertThat(found).as(c.name()).extracting(Finding::rule).containsExactly(c.rule());
            assertThat(found.get(0).details()).containsEntry("attacker", ATTACKER);
        }
    }

    @Test
    void shouldCatchRtpRedirectedToAThirdHostOnTheWire() {
        assertThat(on(CLOUD, REDIRECT_PORT)).extracting(Finding::rule).containsExactly(Rule.RTSP_01);
    }

    @Test
    void shouldReportSadpAtLayerTwoOnce() {
        List<Finding> sadp = result.findings().stream().filter(f -> "ethernet".equals(f.stream().protocol()))
                .collect(Collectors.toList());
        assertThat(sadp).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.NET_06);
            assertThat(f.details()).containsEntry("source_mac", "44:19:b6:01:02:03");
            assertThat(f.count()).isEqualTo(REPEATS);
        });
    }

    @Test
    void shouldKeepTheRecorderSessionAndSanctionedNtpAndDnsQuiet() {
        assertThat(result.findings()).filteredOn(f -> f.severity().atLeast(Severity.MEDIUM))
                .noneMatch(f -> AIRLOCK.equals(f.stream().destinationIp()) || AIRLOCK.equals(f.stream().sourceIp())
                        || TIME_SERVER.equals(f.stream().destinationIp()))
                .noneMatch(f -> RESOLVER.equals(f.stream().destinationIp()) && f.rule() != Rule.NET_03);
        assertThat(on(RESOLVER, 53)).extracting(Finding::rule).containsOnly(Rule.NET_03);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
