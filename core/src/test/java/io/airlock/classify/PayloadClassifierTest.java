package io.airlock.classify;

import static io.airlock.net.Flow.PROTO_TCP;
import static io.airlock.net.Flow.PROTO_UDP;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.wire.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadClassifierTest {

    private static final byte[] CAMERA_IP = {10, 1, 0, 20};

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("dahuaPtcp", SamplePayloads.dahuaPtcp(), PROTO_UDP, 8800, Verdict.DAHUA_PTCP),
                Arguments.of("dahuaDhget", SamplePayloads.dahuaDhget(), PROTO_UDP, 8800, Verdict.DAHUA_P2P_REQUEST),
                Arguments.of("stunBindingRequest", SamplePayloads.stunBindingRequest(), PROTO_UDP, 6000, Verdict.STUN),
                Arguments.of("srtHandshake", SamplePayloads.srtHandshake(), PROTO_UDP, 6000, Verdict.SRT),
                Arguments.of("rtmpC0C1", SamplePayloads.rtmpC0C1(), PROTO_TCP, 1935, Verdict.RTMP_HANDSHAKE),
                Arguments.of("sipRegisterGb28181", SamplePayloads.sipRegisterGb28181(), PROTO_UDP, 5060,
                        Verdict.SIP_REGISTER),
                Arguments.of("sipRegisterGb28181 over TCP", SamplePayloads.sipRegisterGb28181(), PROTO_TCP, 5060,
                        Verdict.SIP_REGISTER),
                Arguments.of("sipInvite", SamplePayloads.sipInvite(), PROTO_UDP, 5060, Verdict.SIP_INVITE),
                Arguments.of("sadpProbe", SamplePayloads.sadpProbe(), PROTO_UDP, 37020, Verdict.HIK_SADP),
                Arguments.of("dhipDiscovery", SamplePayloads.dhipDiscovery(), PROTO_UDP, 37810,
                        Verdict.DAHUA_DHIP_DISCOVERY),
                Arguments.of("dahuaDiscoveryV1", SamplePayloads.dahuaDiscoveryV1(), PROTO_UDP, 5050,
                        Verdict.DAHUA_DISCOVERY_V1),
                Arguments.of("xiongmaiDiscovery", SamplePayloads.xiongmaiDiscovery(), PROTO_UDP, 34569,
                        Verdict.XIONGMAI_DISCOVERY),
                Arguments.of("xiongmaiDiscoveryReply", SamplePayloads.xiongmaiDiscoveryReply(), PROTO_UDP, 5008,
                        Verdict.XIONGMAI_DISCOVERY),
                Arguments.of("xiongmaiSofiaLogin", SamplePayloads.xiongmaiSofiaLogin(), PROTO_TCP, 34567,
                        Verdict.XIONGMAI_SOFIA),
                Arguments.of("dahuaDvripLogin", SamplePayloads.dahuaDvripLogin(), PROTO_TCP, 37777,
                        Verdict.DAHUA_DVRIP),
                Arguments.of("onvifProbe", SamplePayloads.onvifProbe(), PROTO_UDP, 3702, Verdict.ONVIF_DISCOVERY),
                Arguments.of("ssdpIgdSearch", SamplePayloads.ssdpIgdSearch(), PROTO_UDP, 1900, Verdict.SSDP_IGD_SEARCH),
                Arguments.of("ssdpNotify", SamplePayloads.ssdpNotify(), PROTO_UDP, 1900, Verdict.SSDP),
                Arguments.of("upnpAddPortMapping", SamplePayloads.upnpAddPortMapping(), PROTO_TCP, 5000,
                        Verdict.UPNP_ADD_PORT_MAPPING),
                Arguments.of("dnsQuery", SamplePayloads.dnsQuery("dev.hik-connect.com"), PROTO_UDP, 53, Verdict.DNS),
                Arguments.of("dnsResponseA", SamplePayloads.dnsResponseA("dev.hik-connect.com", CAMERA_IP), PROTO_UDP,
                        53, Verdict.DNS),
                Arguments.of("ntpClientRequest", SamplePayloads.ntpClientRequest(), PROTO_UDP, 123, Verdict.NTP),
                Arguments.of("tlsClientHello", SamplePayloads.tlsClientHello("api.hik-connect.com"), PROTO_TCP, 443,
                        Verdict.TLS_CLIENT_HELLO),
                Arguments.of("httpGet", SamplePayloads.httpGet("example.org", "/index.html"), PROTO_TCP, 80,
                        Verdict.HTTP_REQUEST),
                Arguments.of("cve202136260", SamplePayloads.cve202136260(), PROTO_TCP, 80, Verdict.HTTP_REQUEST),
                Arguments.of("cve20177921", SamplePayloads.cve20177921(), PROTO_TCP, 80, Verdict.HTTP_REQUEST),
                Arguments.of("cve202133044", SamplePayloads.cve202133044(), PROTO_TCP, 80, Verdict.HTTP_REQUEST),
                Arguments.of("cve202133045", SamplePayloads.cve202133045(), PROTO_TCP, 5000, Verdict.DAHUA_DHIP),
                Arguments.of("cve20189995", SamplePayloads.cve20189995(), PROTO_TCP, 80, Verdict.HTTP_REQUEST),
                Arguments.of("rtpPacket", SamplePayloads.rtpPacket(96, 1, 3000, 0x1234, new byte[] {0x7C, 0x05, 1}),
                        PROTO_UDP, 40000, Verdict.RTP),
                Arguments.of("rtpPs", SamplePayloads.rtpPs(7, 90_000, 0x0100000001L), PROTO_UDP, 30000,
                        Verdict.RTP_PS),
                Arguments.of("rtcpSenderReport", SamplePayloads.rtcpSenderReport(0x1234), PROTO_UDP, 40001,
                        Verdict.RTCP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldClassifyEverySamplePayloadByItsBytes(String name, byte[] payload, int protocol, int port,
            Verdict expected) {
        assertThat(classify(protocol, 50000, port, payload)).as(name).isEqualTo(expected);
        // By bytes, not by port: the same payload on an unrelated port gets the same verdict.
        assertThat(classify(protocol, 50000, 40404, payload)).as(name + " on another port").isEqualTo(expected);
    }

    @Test
    void shouldCoverEverySamplePayload() {
        java.util.Set<String> covered = new java.util.HashSet<>();
        samples().forEach(a -> covered.add(((String) a.get()[0]).split(" ")[0]));
        covered.add("sadpL2Frame"); // a layer-2 frame: shouldReadSadpLayer2FramesByEtherType
        for (java.lang.reflect.Method m : SamplePayloads.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && m.getReturnType() == byte[].class) {
                assertThat(covered).as("SamplePayloads.%s has an expected verdict", m.getName()).contains(m.getName());
            }
        }
    }

    @Test
    void shouldReadPayloadsAtAnOffsetInsideALargerBuffer() {
        byte[] dns = SamplePayloads.dnsQuery("ezvizlife.com");
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[7], dns, new byte[9]);
        assertThat(PayloadClassifier.classify(PROTO_UDP, 40000, 53, buf, 7, dns.length)).isEqualTo(Verdict.DNS);
    }

    @Test
    void shouldReturnUnknownForEmptyOrOutOfRangePayloads() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[8]);
        assertThat(PayloadClassifier.classify(PROTO_UDP, 1, 2, buf, 0, 0)).isEqualTo(Verdict.UNKNOWN);
        assertThat(PayloadClassifier.classify(PROTO_UDP, 1, 2, buf, 4, 8)).isEqualTo(Verdict.UNKNOWN);
        assertThat(PayloadClassifier.classify(PROTO_UDP, 1, 2, buf, -1, 4)).isEqualTo(Verdict.UNKNOWN);
        assertThat(PayloadClassifier.classify(1, 1, 2, buf, 0, 8)).as("ICMP").isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void shouldNeverReadRandomRtpPayloadsAsAnotherProtocol() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(1400)];
            random.nextBytes(body);
            byte[] rtp = SamplePayloads.rtpPacket(96 + random.nextInt(32), i, i * 3000L, random.nextInt(), body);
            Verdict v = classify(PROTO_UDP, 40000 + random.nextInt(20000), 50000, rtp);
            assertThat(v).as(Hex.of(rtp, 0, rtp.length)).isIn(Verdict.RTP, Verdict.RTP_PS);
        }
    }

    @Test
    void shouldTellPcmuAudioFromAnSrtHandshakeThatAlsoStartsWith80() {
        byte[] pcmu = SamplePayloads.rtpPacket(0, 0, 0, 0x11, new byte[160]);
        assertThat(classify(PROTO_UDP, 40000, 50000, pcmu)).isEqualTo(Verdict.RTP);
    }

    @Test
    void shouldReadRtpFramedForTcpAsGb28181DevicesPushIt() {
        assertThat(classify(PROTO_TCP, 40000, 50000, lengthPrefixed(SamplePayloads.rtpPs(1, 0, 7))))
                .isEqualTo(Verdict.RTP_PS);
    }

    @Test
    void shouldReadDnsOverTcpWithItsLengthPrefix() {
        assertThat(classify(PROTO_TCP, 40000, 53, lengthPrefixed(SamplePayloads.dnsQuery("ys7.com"))))
                .isEqualTo(Verdict.DNS);
    }

    @Test
    void shouldAcceptRtmpC0WithOnlyPartOfC1InTheFirstSegment() {
        byte[] c0c1 = SamplePayloads.rtmpC0C1();
        assertThat(classify(PROTO_TCP, 40000, 1935, java.util.Arrays.copyOf(c0c1, 1))).isEqualTo(
                Verdict.RTMP_HANDSHAKE);
        assertThat(classify(PROTO_TCP, 40000, 1935, java.util.Arrays.copyOf(c0c1, 1460))).isEqualTo(
                Verdict.RTMP_HANDSHAKE);
    }

    @Test
    void shouldNotTakeAnRdpConnectionRequestForRtmp() {
        // TPKT version 3 + X.224 Connection Request (0xE0), as mstsc sends it first on TCP 3389.
        byte[] tpkt = Hex.decode("030000130ee000000000000100080003000000");
        assertThat(classify(PROTO_TCP, 40000, 3389, tpkt)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void shouldTakeAnSsdpSearchForAllDevicesAsPlainSsdp() {
        byte[] all = SamplePayloads.ascii("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nST: ssdp:all\r\n"
                + "MAN: \"ssdp:discover\"\r\nMX: 1\r\n\r\n");
        assertThat(classify(PROTO_UDP, 40000, 1900, all)).isEqualTo(Verdict.SSDP);
    }

    @Test
    void shouldTakeAWanPppConnectionSearchAsAnIgdSearch() {
        byte[] ppp = SamplePayloads.ascii("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
                + "ST: urn:schemas-upnp-org:service:WANPPPConnection:1\r\nMAN: \"ssdp:discover\"\r\nMX: 3\r\n\r\n");
        assertThat(classify(PROTO_UDP, 40000, 1900, ppp)).isEqualTo(Verdict.SSDP_IGD_SEARCH);
    }

    @Test
    void shouldReadRtspRequestsAndResponses() {
        byte[] describe = SamplePayloads.ascii("DESCRIBE rtsp://10.1.0.20/Streaming/Channels/101 RTSP/1.0\r\nCSeq: 2"
                + "\r\n\r\n");
        byte[] reply = SamplePayloads.ascii("RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n");
        assertThat(classify(PROTO_TCP, 40000, 8554, describe)).isEqualTo(Verdict.RTSP);
        assertThat(classify(PROTO_TCP, 554, 40000, reply)).isEqualTo(Verdict.RTSP);
    }

    @Test
    void shouldUseTheNtpPortOnlyToBreakTies() {
        byte[] ntp = SamplePayloads.ntpClientRequest();
        byte[] longer = java.util.Arrays.copyOf(ntp, 68);
        assertThat(classify(PROTO_UDP, 40000, 123, longer)).as("48 bytes + MAC on 123").isEqualTo(Verdict.NTP);
        assertThat(classify(PROTO_UDP, 40000, 40123, longer)).as("same bytes elsewhere").isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void shouldGiveIsupPortHintsOnlyForTheHikvisionDefaults() {
        for (int port : new int[] {7660, 7665, 7662, 7663, 6011}) {
            assertThat(PayloadClassifier.portHint(PROTO_TCP, port)).isEqualTo(Verdict.HIK_ISUP_PORT);
        }
        assertThat(PayloadClassifier.portHint(PROTO_UDP, 7662)).isEqualTo(Verdict.HIK_ISUP_PORT);
        assertThat(PayloadClassifier.portHint(PROTO_UDP, 7660)).isEqualTo(Verdict.UNKNOWN);
        assertThat(PayloadClassifier.portHint(PROTO_TCP, 443)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void shouldReadSadpLayer2FramesByEtherType() {
        ByteBuf frame = Unpooled.wrappedBuffer(SamplePayloads.sadpL2Frame());
        assertThat(PayloadClassifier.classifyFrame(0x8033, frame, 0, frame.readableBytes())).isEqualTo(
                Verdict.HIK_SADP);
        assertThat(PayloadClassifier.classifyFrame(0x88CC, frame, 0, frame.readableBytes())).isEqualTo(
                Verdict.UNKNOWN);
        ByteBuf other = Unpooled.wrappedBuffer(new byte[] {0x42, 0, 0});
        assertThat(PayloadClassifier.classifyFrame(0x8033, other, 0, 3)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void shouldNotAllocateWhileClassifying() {
        byte[][] mix = {SamplePayloads.rtpPacket(96, 1, 1, 1, new byte[1200]), SamplePayloads.dnsQuery("a.ys7.com"),
            SamplePayloads.sipRegisterGb28181(), SamplePayloads.upnpAddPortMapping(), SamplePayloads.onvifProbe(),
            SamplePayloads.tlsClientHello("x.example"), SamplePayloads.dhipDiscovery()};
        ByteBuf[] bufs = new ByteBuf[mix.length];
        for (int i = 0; i < mix.length; i++) {
            bufs[i] = Unpooled.wrappedBuffer(mix[i]);
        }
        long before = 0;
        for (int i = -1000; i < 10_000; i++) {
            if (i == 0) {
                before = allocated();
            }
            int k = Math.floorMod(i, mix.length);
            PayloadClassifier.classify(k == 5 ? PROTO_TCP : PROTO_UDP, 40000, 50000, bufs[k], 0, mix[k].length);
        }
        assertThat(allocated() - before).isLessThan(10_000);
    }

    /** A 2-byte big-endian length, then the message (RFC 4571 and RFC 1035 §4.2.2 framing). */
    private static byte[] lengthPrefixed(byte[] message) {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        return framed;
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    static Verdict classify(int protocol, int srcPort, int dstPort, byte[] payload) {
        return PayloadClassifier.classify(protocol, srcPort, dstPort, Unpooled.wrappedBuffer(payload), 0,
                payload.length);
    }
}
