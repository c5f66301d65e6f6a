package io.airlock.alert.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.Finding;
import io.airlock.alert.TestFindings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real collectors on 127.0.0.1 receive findings as strict RFC 5424 over UDP, TCP and TLS. */
@Timeout(60)
class SyslogSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SD_ID = SyslogSettings.DEFAULT_SD_ID;

    static TestCertificates localhost;
    static TestCertificates otherName;

    @BeforeAll
    static void generateKeys() throws Exception {
        localhost = TestCertificates.get("localhost", "dns:localhost,ip:127.0.0.1");
        otherName = TestCertificates.get("other", "dns:collector.example.org");
    }

    private static SyslogSink sink(SyslogTransport transport, int port, Path ca) throws Exception {
        SyslogSettings s = new SyslogSettings("127.0.0.1", port, transport, ca, Facility.LOCAL4, 64, SD_ID,
                SyslogSettings.defaultMessageBytes(transport));
        return new SyslogSink(s, Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private static Rfc5424Parser.Message expect(SyslogCollector collector, Finding f) throws Exception {
        byte[] raw = collector.next(10);
        assertThat(raw).as("a message within 10 s").isNotNull();
        Rfc5424Parser.Message m = Rfc5424Parser.parse(raw);
        assertThat(m.msgId()).isEqualTo(f.rule().id());
        assertThat(m.msg()).endsWith(f.summary());
        assertThat(m.element(SD_ID).params()).containsEntry("dest_port", Integer.toString(f.stream()
                .destinationPort()));
        return m;
    }

    /** Waits for the sender to fail at least once (a cold TLS stack can take a second to get there). */
    private static void awaitErrors(SyslogSink sink) throws InterruptedException {
        for (int i = 0; i < 200 && sink.errors() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(sink.errors()).as("failed attempts").isPositive();
    }

    @Test
    void shouldSendOneDatagramPerFindingOverUdp() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            collector.setSoTimeout(10_000);
            SyslogSink sink = sink(SyslogTransport.UDP, collector.getLocalPort(), null);
            Finding f = TestFindings.sei229(1).summary("HiSilicon SEI 229 é");
            sink.onFinding(f);
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            collector.receive(p);
            Rfc5424Parser.Message m = Rfc5424Parser.parse(Arrays.copyOf(p.getData(), p.getLength()));
            assertThat(m.pri()).isEqualTo(20 * 8 + 4);
            assertThat(m.bom()).isTrue();
            assertThat(m.msg()).endsWith("HiSilicon SEI 229 é");
            assertThat(m.element(SD_ID).params()).containsEntry("rule", "MED-02").containsEntry("camera", "lobby");
            assertThat(sink.close(WAIT)).isTrue();
            assertThat(sink.sent()).isEqualTo(1);
        }
    }

    @Test
    void shouldFrameMessagesByOctetCountingOverTcp() throws Exception {
        try (SyslogCollector collector = new SyslogCollector(0, null)) {
            SyslogSink sink = sink(SyslogTransport.TCP, collector.port(), null);
            Finding first = TestFindings.sei229(1).summary("multi-byte text: 😀 € é");
            Finding second = TestFindings.sei229(2);
            sink.onFinding(first);
            sink.onFinding(second);
            expect(collector, first);
            expect(collector, second);
            assertThat(sink.close(WAIT)).isTrue();
            assertThat(sink.sent()).isEqualTo(2);
            assertThat(collector.failures()).isEmpty();
        }
    }

    @Test
    void shouldSendOverTlsTrustingTheConfiguredCa() throws Exception {
        try (SyslogCollector collector = new SyslogCollector(0, localhost.serverContext())) {
            SyslogSink sink = sink(SyslogTransport.TLS, collector.port(), localhost.caPem());
            Finding f = TestFindings.withEvidence("server", "]\"\\");
            sink.onFinding(f);
            byte[] raw = collector.next(10);
            assertThat(raw).isNotNull();
            assertThat(Rfc5424Parser.parse(raw).element(SD_ID).params()).containsEntry("server", "]\"\\");
            assertThat(sink.close(WAIT)).isTrue();
            assertThat(collector.failures()).isEmpty();
        }
    }

    @Test
    void shouldRefuseACollectorWhoseCertificateNamesAnotherHost() throws Exception {
        try (SyslogCollector collector = new SyslogCollector(0, otherName.serverContext())) {
            SyslogSink sink = sink(SyslogTransport.TLS, collector.port(), otherName.caPem());
            sink.onFinding(TestFindings.sei229(1));
            awaitErrors(sink);
            assertThat(sink.flush(Duration.ofMillis(100))).isFalse();
            assertThat(collector.next(0)).isNull();
            assertThat(sink.sent()).isZero();
            assertThat(sink.close(Duration.ofMillis(200))).isFalse();
            assertThat(sink.dropped()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseACollectorThatTheCaDidNotSign() throws Exception {
        try (SyslogCollector collector = new SyslogCollector(0, localhost.serverContext())) {
            SyslogSink sink = sink(SyslogTransport.TLS, collector.port(), otherName.caPem());
            sink.onFinding(TestFindings.sei229(1));
            awaitErrors(sink);
            assertThat(sink.sent()).isZero();
            sink.close(Duration.ofMillis(100));
        }
    }

    @Test
    void shouldNotBlockWhileTheCollectorIsDownAndDeliverOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SyslogSink sink = sink(SyslogTransport.TCP, port, null);
        Finding[] waiting = new Finding[5];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = TestFindings.sei229(i);
            sink.onFinding(waiting[i]);
        }
        awaitErrors(sink);
        assertThat(sink.flush(Duration.ofMillis(100))).isFalse();
        assertThat(sink.sent()).isZero();

        try (SyslogCollector collector = new SyslogCollector(port, null)) {
            for (Finding f : waiting) {
                expect(collector, f);
            }
            assertThat(sink.flush(WAIT)).isTrue();
            assertThat(sink.reconnects()).isZero();

            // The collector drops the connection: the sink notices and reconnects. A finding sent in the instant
            // before it notices can be lost (TCP syslog has no acknowledgements), so send until one arrives.
            collector.dropConnections();
            byte[] received = null;
            for (int i = 0; i < 5 && received == null; i++) {
                sink.onFinding(TestFindings.sei229(10 + i));
                received = collector.next(2);
            }
            assertThat(received).isNotNull();
            assertThat(Rfc5424Parser.parse(received).msgId()).isEqualTo("MED-02");
            assertThat(sink.reconnects()).isEqualTo(1);
            assertThat(collector.accepted()).isEqualTo(2);
        }
        assertThat(sink.dropped()).isZero();
        sink.close(WAIT);
    }
}
