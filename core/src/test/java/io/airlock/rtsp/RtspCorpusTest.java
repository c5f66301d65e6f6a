package io.airlock.rtsp;

import io.airlock.sdp.MediaDescription;
import io.airlock.sdp.SessionDescription;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every real camera transcript in ../shared/corpus/rtsp-transcripts parses, and its quirks come out right. */
class RtspCorpusTest {

    private static RtspMessage message(final String name) {
        final byte[] bytes = CorpusFiles.read(name);
        final RtspMessage m = new RtspMessage();
        final Rejection r = m.wrap(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
        assertThat(r).as(name).isNull();
        return m;
    }

    private static SessionDescription sdp(final RtspMessage m) {
        return SessionDescription.parse(m.body());
    }

    private static boolean has(final List<VendorFingerprint> fps, final String vendor, final String evidencePart) {
        return fps.stream().anyMatch(f -> f.vendor().equals(vendor) && f.evidence().contains(evidencePart));
    }

    @Test
    void shouldParseEveryTranscript() {
        final List<Path> files = CorpusFiles.transcriptFiles();
        assertThat(files).hasSizeGreaterThan(40);
        for (Path p : files) {
            final String name = p.getFileName().toString();
            final byte[] bytes = CorpusFiles.read(name);
            if (name.endsWith("_sdp.txt")) {
                final SessionDescription sd = SessionDescription.parse(new String(bytes, StandardCharsets.UTF_8));
                assertThat(sd.problems()).as(name).isEmpty();
                assertThat(sd.media()).as(name).isNotEmpty();
                continue;
            }
            final RtspMessage m = new RtspMessage();
            final ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            assertThat(m.wrap(buf, 0, bytes.length)).as(name).isNull();
            assertThat(m.isRequest()).isFalse();
            assertThat(m.statusCode()).as(name).isIn(200, 401);
            assertThat(m.length()).as(name).isEqualTo(bytes.length);
            if (m.bodyLength() > 0) {
                final SessionDescription sd = sdp(m);
                assertThat(sd.problems()).as(name).isEmpty();
                assertThat(sd.media()).as(name).isNotEmpty();
            }
            final String transport = m.header("Transport");
            if (transport != null) {
                assertThat(new TransportHeader().parse(transport)).as(name).isNull();
            }
        }
    }

    @Test
    void shouldParseEveryTranscriptWithLfOnlyLineEndings() {
        for (Path p : CorpusFiles.transcriptFiles()) {
            final String name = p.getFileName().toString();
            final String lf = new String(CorpusFiles.read(name), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            if (name.endsWith("_sdp.txt")) {
                assertThat(SessionDescription.parse(lf).problems()).as(name).isEmpty();
                continue;
            }
            final byte[] bytes = lf.getBytes(StandardCharsets.ISO_8859_1);
            final int headerLf = lf.indexOf("\n\n") + 2;
            final String fixed = lf.replaceFirst("(?i)Content-Length: \\d+",
                    "Content-Length: " + (bytes.length - headerLf));
            final byte[] fb = fixed.getBytes(StandardCharsets.ISO_8859_1);
            final RtspMessage m = new RtspMessage();
            assertThat(m.wrap(Unpooled.wrappedBuffer(fb), 0, fb.length)).as(name).isNull();
            assertThat(m.cseq()).as(name).isPositive();
        }
    }

    @Test
    void hikvisionDescribeCarriesImkhAndOnvifMetadata() {
        final RtspMessage m = message("hikvision_describe.txt");
        assertThat(m.header("content-base")).isEqualTo("rtsp://192.168.5.106:554/Streaming/Channels/101/");
        final SessionDescription sd = sdp(m);
        assertThat(sd.sessionName()).isEqualTo("Media Presentation");
        assertThat(sd.media()).hasSize(2);
        final MediaDescription video = sd.media().get(0);
        assertThat(video.encodingName()).isEqualTo("H264");
        assertThat(video.clockRate()).isEqualTo(90000);
        assertThat(video.fmtpParameter("packetization-mode")).isEqualTo("1");
        assertThat(video.spropParameterSets()).hasSize(2);
        assertThat(video.spropParameterSets().get(0)[0] & 0x1F).isEqualTo(7);
        assertThat(video.attribute("x-dimensions")).isEqualTo("1920,1080");
        assertThat(SessionDescription.resolveControl(m.header("Content-Base"), sd.control(), video.control()))
                .isEqualTo("rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=1?transportmode=unicast"
                        + "&profile=Profile_1");
        assertThat(sd.media().get(1).encodingName()).isEqualTo("vnd.onvif.metadata");
        final List<VendorFingerprint> fps = VendorFingerprints.of(m, sd);
        assertThat(has(fps, "IMKH", "IMKH v1.01 system=RTP video=H.264 audio=none")).isTrue();
        assertThat(has(fps, "Hikvision", "s=Media Presentation a=appversion:1.0")).isTrue();
        assertThat(has(fps, "ONVIF metadata", "trackID=3")).isTrue();
    }

    @Test
    void anjvisionCloneCopiesImkhWithHevc() {
        final RtspMessage m = message("anjvision_describe.txt");
        final SessionDescription sd = sdp(m);
        final MediaDescription video = sd.media().get(0);
        assertThat(video.encodingName()).isEqualTo("H265");
        assertThat(video.spropVps()).hasSize(1);
        assertThat(video.spropSps()).hasSize(1);
        assertThat(video.spropPps()).hasSize(1);
        assertThat(video.attribute("x-dimensions")).isEqualTo("1280, 720");
        // Bare Content-Base without a scheme.
        assertThat(SessionDescription.resolveControl(m.header("Content-Base"), sd.control(), video.control()))
                .isEqualTo("rtsp://192.168.1.10:554/stream0/trackID=1");
        final List<VendorFingerprint> fps = VendorFingerprints.of(m, sd);
        assertThat(has(fps, "IMKH", "system=RTP video=HEVC")).isTrue();
        assertThat(has(fps, "Anjvision", "ANJVISION")).isTrue();
    }

    @Test
    void ipcamCloneCopiesImkh() {
        final List<VendorFingerprint> fps = VendorFingerprints.of(message("ipcam_describe.txt"),
                sdp(message("ipcam_describe.txt")));
        assertThat(has(fps, "IMKH", "video=H.264")).isTrue();
    }

    @Test
    void dahuaDescribeWithQueryStringContentBase() {
        final RtspMessage m = message("dahua_describe_h265_pcma.txt");
        final SessionDescription sd = sdp(m);
        assertThat(sd.control()).isEqualTo("*");
        final MediaDescription video = sd.media().get(0);
        assertThat(video.encodingName()).isEqualTo("H265");
        assertThat(video.spropVps().get(0)[0] >> 1 & 0x3F).isEqualTo(32);
        assertThat(video.direction()).isEqualTo("recvonly");
        assertThat(sd.media().get(1).encodingName()).isEqualTo("PCMA");
        assertThat(SessionDescription.resolveControl(m.header("Content-Base"), sd.control(), video.control()))
                .isEqualTo("rtsp://cam-driveway/cam/realmonitor?channel=1&subtype=2/trackID=0");
        assertThat(SessionDescription.resolveControl(m.header("Content-Base"), sd.control(), null))
                .isEqualTo("rtsp://cam-driveway/cam/realmonitor?channel=1&subtype=2/");
        final List<VendorFingerprint> fps = VendorFingerprints.of(m, sd);
        assertThat(has(fps, "Dahua", "a=packetization-supported:DH")).isTrue();
        assertThat(has(fps, "Dahua", "a=rtppayload-supported:DH")).isTrue();
        assertThat(has(fps, "Dahua", "s=Media Server")).isTrue();
        assertThat(has(fps, "Dahua", "x-Accept-Dynamic-Rate: 1")).isTrue();
    }

    @Test
    void dahuaOnvifDescribeHasMetadataTrack() {
        final RtspMessage m = message("dahua_describe_h264_aac_onvif.txt");
        final SessionDescription sd = sdp(m);
        assertThat(sd.media()).extracting(MediaDescription::encodingName)
                .containsExactly("H264", "MPEG4-GENERIC", "vnd.onvif.metadata");
        assertThat(has(VendorFingerprints.of(m, sd), "ONVIF metadata", "trackID=4")).isTrue();
    }

    @Test
    void dahuaOptionsServerHeader() {
        final List<VendorFingerprint> fps = VendorFingerprints.of(message("dahua_options.txt"), null);
        assertThat(has(fps, "Dahua", "Server: Rtsp Server/3.0")).isTrue();
    }

    @Test
    void longseUnauthorizedRealmAndCseqTrailingSpace() {
        final RtspMessage m = message("longse_unauthorized.txt");
        assertThat(m.statusCode()).isEqualTo(401);
        assertThat(m.reasonPhrase()).isEqualTo("Unauthorized");
        assertThat(m.cseq()).isEqualTo(1);
        final AuthenticateHeader auth = new AuthenticateHeader();
        assertThat(auth.parse(m.header("WWW-Authenticate"))).isNull();
        assertThat(auth.isDigest(0)).isTrue();
        assertThat(auth.realm(0)).isEqualTo("Surveillance Server");
        assertThat(auth.nonce(0)).isEqualTo("98481030");
        final List<VendorFingerprint> fps = VendorFingerprints.of(m, null);
        assertThat(has(fps, "Longse", "Rtsp Server 1920*1080*20*2048")).isTrue();
        assertThat(has(fps, "Longse", "Surveillance Server")).isTrue();
        assertThat(fps).noneMatch(f -> f.evidence().contains("98481030"));
    }

    @Test
    void xiongMaiLowerCaseCseqAndServer() {
        final RtspMessage m = message("h264dvr_describe.txt");
        assertThat(m.cseq()).isEqualTo(3);
        final SessionDescription sd = sdp(m);
        assertThat(sd.media().get(0).encodingName()).isEqualTo("H264");
        assertThat(sd.media().get(1).encodingName()).isEqualTo("PCMA");
        final List<VendorFingerprint> fps = VendorFingerprints.of(m, sd);
        assertThat(has(fps, "XiongMai", "H264DVR")).isTrue();
        assertThat(has(fps, "XiongMai", "x-Accept-Dynamic-Rate")).isTrue();
    }

    @Test
    void xiongMaiSetupUdpPortsAndZeroSsrc() {
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse(message("h264dvr_setup_video.txt").header("Transport"))).isNull();
        assertThat(t.profile()).isEqualTo("RTP/AVP");
        assertThat(t.tcp()).isFalse();
        assertThat(t.clientPortLow()).isEqualTo(18714);
        assertThat(t.serverPortHigh()).isEqualTo(40005);
        assertThat(t.ssrc()).isZero();
        assertThat(t.mode()).isEqualTo("PLAY");
    }

    @Test
    void hikvisionSetupSsrcLeadingSpace() {
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse(message("hikvision_setup_ssrc_space.txt").header("Transport"))).isNull();
        assertThat(t.ssrc()).isEqualTo(0xd6d6627L);
        assertThat(t.interleavedLow()).isZero();
        assertThat(t.interleavedHigh()).isEqualTo(1);
    }

    @Test
    void hikvisionPaddedSessionAndQuotedMode() {
        final RtspMessage m = message("hikvision_setup.txt");
        assertThat(m.header("Session")).isEqualTo("708345999;timeout=60");
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse(m.header("Transport"))).isNull();
        assertThat(t.mode()).isEqualTo("play");
        assertThat(t.ssrc()).isEqualTo(0x4cacc3d1L);
    }

    @Test
    void gwSetupEchoesDestinationOnTcp() {
        final RtspMessage m = message("gw_main_setup_video.txt");
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse(m.header("Transport"))).isNull();
        assertThat(t.tcp()).isTrue();
        assertThat(t.destination()).isEqualTo("192.168.1.210");
        assertThat(t.source()).isEqualTo("192.168.1.110");
        final RtspMessage describe = message("gw_main_describe.txt");
        final SessionDescription sd = sdp(describe);
        assertThat(has(VendorFingerprints.of(describe, sd), "GW Security OEM", "Rtsp Server/2.0")).isTrue();
        assertThat(SessionDescription.resolveControl(describe.header("Content-Base"), sd.control(),
                sd.media().get(0).control())).isEqualTo(
                "rtsp://192.168.1.110:5050/H264?channel=1&subtype=0&unicast=true&proto=Onvif/video");
    }

    @Test
    void badRtptimeStillParses() {
        final RtspMessage m = message("bad_rtptime.txt");
        assertThat(m.header("RTP-Info")).contains("rtptime=-1");
        assertThat(m.cseq()).isEqualTo(3);
    }

    @Test
    void missingContentTypeDescribeStillHasSdp() {
        final RtspMessage m = message("missing_content_type_describe.txt");
        assertThat(m.header("Content-Type")).isNull();
        final SessionDescription sd = sdp(m);
        assertThat(sd.media().get(0).fmtpParameter("profile-level-id")).isEqualTo("64000D");
        assertThat(sd.media().get(1).fmtpParameter("config")).isEqualTo("119056E500");
    }

    @Test
    void foscamStaticPayloadTypeWithoutRtpmap() {
        final SessionDescription sd = sdp(message("foscam_describe.txt"));
        assertThat(sd.media().get(1).encodingName()).isEqualTo("PCMU");
        assertThat(sd.media().get(1).clockRate()).isEqualTo(8000);
    }

    @Test
    void reolinkControlOrderDoesNotMatter() {
        final RtspMessage a = message("reolink_describe.txt");
        final RtspMessage b = message("reolink_describe_control_first.txt");
        final SessionDescription sa = sdp(a);
        final SessionDescription sb = sdp(b);
        assertThat(sa.control()).isEqualTo(sb.control()).isEqualTo("*");
        assertThat(SessionDescription.resolveControl(b.header("Content-Base"), sb.control(),
                sb.media().get(1).control())).isEqualTo("rtsp://192.168.5.206/h264Preview_01_main/trackID=2");
    }

    @Test
    void geovisionAbsoluteControlAndH3cMetadataFmtp() throws Exception {
        final SessionDescription sd = SessionDescription.parse(
                new String(CorpusFiles.read("geovision_sdp.txt"), StandardCharsets.UTF_8));
        assertThat(SessionDescription.resolveControl("rtsp://192.168.5.237/media/video1", sd.control(),
                sd.media().get(1).control())).isEqualTo("rtsp://192.168.5.237/media/video1/metadata");
        assertThat(sd.media().get(1).fmtp()).isEqualTo("DecoderTag=h3c-v3 RTCP=0");
    }

    @Test
    void tplinkOddMediaLineIsKept() {
        final SessionDescription sd = SessionDescription.parse(
                new String(CorpusFiles.read("tplink_sdp.txt"), StandardCharsets.UTF_8));
        assertThat(sd.media()).hasSize(3);
        assertThat(sd.media().get(2).type()).isEqualTo("application/TP-LINK");
        assertThat(sd.media().get(2).payloadType()).isEqualTo(-1);
    }
}
