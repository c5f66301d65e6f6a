package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.net.Flow;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ControlInspectorTest {

    private static final int CLIENT = 0xC000020A;  // 192.0.2.10, the recorder
    private static final int CAMERA = 0xC0000214;  // 192.0.2.20, the camera

    private final FindingTable findings = new FindingTable(FindingSink.NONE, 100);
    private final SessionDirectory directory = new SessionDirectory();
    private final ControlInspector inspector =
            new ControlInspector(new InspectionContext(findings), directory, "test.pcap");
    private final Flow request = new Flow().setIpv4(Flow.PROTO_TCP, CLIENT, 50000, CAMERA, 554);
    private final Flow reply = new Flow().setIpv4(Flow.PROTO_TCP, CAMERA, 554, CLIENT, 50000);
    private final PacketEvent event = new PacketEvent();

    ControlInspectorTest() {
        request.reverse(reply);
        reply.reverse(request);
    }

    private void send(Flow flow, String text) {
        ByteBuf buf = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
        event.set(PacketKind.RTSP_MESSAGE, buf, 0, buf.readableBytes(), false).flow(flow).sourceOffset(100);
        inspector.onEvent(event, 0, true);
    }

    private Finding only(Rule rule) {
        return findings.findings().stream().filter(f -> f.rule() == rule).findFirst().orElse(null);
    }

    @Test
    void shouldReportSetupWhoseDestinationIsNotTheRequestingPeer() {
        send(request, "SETUP rtsp://192.0.2.20/ch1/trackID=1 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;unicast;destination=198.51.100.7;client_port=5000-5001\r\n\r\n");
        Finding f = only(Rule.RTSP_01);
        assertThat(f).isNotNull();
        assertThat(f.details()).containsEntry("destination", "198.51.100.7");
        assertThat(f.stream().sourceIp()).isEqualTo("192.0.2.10");
        assertThat(f.stream().destinationPort()).isEqualTo(554);
    }

    @Test
    void shouldReportMulticastSetup() {
        send(request, "SETUP rtsp://192.0.2.20/ch1 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;multicast;port=5000-5001\r\n\r\n");
        assertThat(only(Rule.RTSP_01)).isNotNull();
    }

    /** GW Security OEM cameras ("Rtsp Server/2.0") echo destination=client-ip on TCP: benign, not flagged. */
    @Test
    void gwSecurityDestinationEchoIsNotRedirection() {
        send(request, "SETUP rtsp://192.0.2.20/main/video RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        send(reply, "RTSP/1.0 200 OK\r\nCSeq: 3\r\nServer: Rtsp Server/2.0\r\nSession: 1234\r\n"
                + "Transport: RTP/AVP/TCP;unicast;destination=192.0.2.10;source=192.0.2.20;interleaved=0-1\r\n\r\n");
        assertThat(only(Rule.RTSP_01)).isNull();
        assertThat(only(Rule.RTSP_02)).isNotNull();
    }

    @Test
    void shouldReportCameraReplyNamingAnotherSource() {
        send(request, "SETUP rtsp://192.0.2.20/ch1 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n");
        send(reply, "RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 1\r\n"
                + "Transport: RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001;source=203.0.113.5\r\n\r\n");
        assertThat(only(Rule.RTSP_01).details()).containsEntry("source", "203.0.113.5");
    }

    @Test
    void shouldReportRedirectToAnotherHost() {
        send(request, "DESCRIBE rtsp://192.0.2.20/ch1 RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        send(reply, "RTSP/1.0 302 Moved Temporarily\r\nCSeq: 2\r\nLocation: rtsp://203.0.113.5:554/ch1\r\n\r\n");
        assertThat(only(Rule.RTSP_01).details()).containsEntry("location", "rtsp://203.0.113.5:554/ch1");
    }

    @Test
    void shouldTellTheMediaStageWhichPortsCarryWhichTrack() {
        send(request, "DESCRIBE rtsp://192.0.2.20/ch1 RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.20\r\ns=Media Server\r\nt=0 0\r\na=control:*\r\n"
                + "a=packetization-supported:DH\r\n"
                + "m=video 0 RTP/AVP 98\r\na=control:trackID=0\r\na=rtpmap:98 H265/90000\r\n"
                + "m=application 0 RTP/AVP 107\r\na=control:trackID=4\r\na=rtpmap:107 vnd.onvif.metadata/90000\r\n";
        send(reply, "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://192.0.2.20/ch1/\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        send(request, "SETUP rtsp://192.0.2.20/ch1/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n");
        send(reply, "RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 1\r\n"
                + "Transport: RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001\r\n\r\n");

        Flow rtp = new Flow().setIpv4(Flow.PROTO_UDP, CAMERA, 6000, CLIENT, 5000);
        TrackHint hint = directory.forUdp(rtp);
        assertThat(hint).isNotNull();
        assertThat(hint.codec()).isEqualTo(Codec.H265);
        assertThat(hint.trackIndex()).isZero();
        assertThat(only(Rule.RTSP_03).details()).containsEntry("encoding", "vnd.onvif.metadata");
        assertThat(only(Rule.RTSP_02).summary()).contains("Dahua");
    }

    @Test
    void shouldCountGarbageInsteadOfFailing() {
        send(request, "\u0000\u0001garbage that is not RTSP\r\n\r\n");
        assertThat(findings.findings()).isEmpty();
        assertThat(inspector.messages()).isZero();
    }
}
