package io.airlock.inspect;

import static io.airlock.testdata.Inspections.atLeastMedium;
import static io.airlock.testdata.Inspections.evidence;
import static io.airlock.testdata.Inspections.finding;
import static io.airlock.testdata.Inspections.inspect;
import static io.airlock.testdata.Inspections.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.ingest.Format;
import io.airlock.support.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every generated PS, DHAV and pcap recording of src-test-data through {@link OfflineInspection}. */
class GeneratedRecordingsEndToEndTest {

    private static StreamStats onlyStream(InspectionResult r) {
        assertThat(r.streams()).as("streams of %s", r.file()).hasSize(1);
        return r.streams().get(0).stats();
    }

    private static void assertH264Qvga(StreamStats st, long frames) {
        assertThat(st.codec()).isEqualTo(Codec.H264);
        assertThat(st.width()).isEqualTo(320);
        assertThat(st.height()).isEqualTo(240);
        assertThat(st.frames()).isEqualTo(frames);
    }

    @Test
    void shouldReportHikvisionPrivateDataAndHiSiliconSeiInProgramStream() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("ps/hikvision-private.ps"));
        assertThat(r.format()).isEqualTo(Format.PROGRAM_STREAM);
        assertThat(rules(r)).containsExactlyInAnyOrder(Rule.MED_01, Rule.MED_02);
        assertThat(finding(r, Rule.MED_02).details()).containsEntry("payload_type", "229");
        assertThat(finding(r, Rule.MED_02).count()).isEqualTo(3);
        StreamStats st = onlyStream(r);
        assertH264Qvga(st, 75);
        assertThat(st.keyframes()).isEqualTo(3);
        assertThat(st.seiCounts()).containsEntry(229, 3L);
        assertThat(r.unreadable()).isZero();
    }

    @Test
    void shouldCountEveryKindOfHikvisionPrivateData() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("ps/hikvision-private.ps"));
        // The muxer writes all three quirks: 0xBD after each of the 3 IDRs, "HK" PSM descriptors 0x40/0x41 with each
        // of the 3 PSMs, and the counter in the stuffing of every one of the 75 packs.
        assertThat(finding(r, Rule.MED_01).details()).containsEntry("private_pes", "3")
                .containsEntry("hk_descriptors", "6").containsEntry("counter_stuffing_packs", "75");
    }

    @Test
    void shouldDecodeImkhHeaderBeforeProgramStream() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("ps/hikvision-imkh.ps"));
        assertThat(r.format()).isEqualTo(Format.PROGRAM_STREAM);
        assertThat(rules(r)).containsExactlyInAnyOrder(Rule.MED_01, Rule.RTSP_02);
        assertThat(evidence(r, Rule.RTSP_02)).contains("IMKH v1.01", "system=MPEG2-PS", "video=H.264");
        assertH264Qvga(onlyStream(r), 75);
    }

    @Test
    void shouldFindNothingOfMediumOrHigherInPlainProgramStream() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("ps/gb28181-clean.ps"));
        assertThat(r.format()).isEqualTo(Format.PROGRAM_STREAM);
        assertThat(atLeastMedium(r)).isEmpty();
        StreamStats st = onlyStream(r);
        assertH264Qvga(st, 75);
        assertThat(st.keyframes()).isEqualTo(3);
        assertThat(st.gopLength()).isEqualTo(25);
        assertThat(r.unreadable()).isZero();
    }

    @Test
    void shouldReportDahuaHeaderAssistantFramesAndUnknownExtension() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("dhav/dahua-assistant.dav"));
        assertThat(r.format()).isEqualTo(Format.DHAV);
        assertThat(rules(r)).containsExactly(Rule.MED_04);
        String med04 = evidence(r, Rule.MED_04).toLowerCase(Locale.ROOT);
        assertThat(med04).contains("dahua");
        // 1 file header + 3 assistant frames + 25 frames with the unknown extension 0xEE (+ the F1 among them).
        assertThat(finding(r, Rule.MED_04).count()).isGreaterThanOrEqualTo(1 + 3 + 25);
        StreamStats st = onlyStream(r);
        assertH264Qvga(st, 75);
        assertThat(st.keyframes()).isEqualTo(3);
    }

    @Test
    void shouldFindNothingOfMediumOrHigherInPlainDhav() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("dhav/dahua-clean.dav"));
        assertThat(r.format()).isEqualTo(Format.DHAV);
        assertThat(atLeastMedium(r)).isEmpty();
        assertThat(rules(r)).doesNotContain(Rule.MED_04);
        assertH264Qvga(onlyStream(r), 75);
        assertThat(r.unreadable()).isZero();
    }

    @Test
    void shouldResolveCleanUdpSessionFromItsSetup() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("pcap/rtsp-udp-h264-clean.pcap"));
        assertThat(r.format()).isEqualTo(Format.PCAP);
        assertThat(atLeastMedium(r)).isEmpty();
        assertThat(r.rtspMessages()).isEqualTo(10);
        MediaStreamView view = r.streams().get(0);
        assertThat(r.streams()).hasSize(1);
        assertThat(view.track().index()).isZero();
        assertThat(view.track().encodingName()).isEqualToIgnoringCase("H264");
        assertThat(view.track().payloadType()).isEqualTo(96);
        assertThat(view.identity().sourceIp()).isEqualTo("203.0.113.5");
        assertThat(view.identity().sourcePort()).isEqualTo(6970);
        assertThat(view.identity().destinationPort()).isEqualTo(50000);
        assertThat(view.identity().ssrc()).isEqualTo(0x1A2B3C4DL);
        StreamStats st = view.stats();
        assertH264Qvga(st, 75);
        assertThat(st.lostPackets()).isZero();
        assertThat(st.fps()).isBetween(24.5, 25.5);
        assertThat(r.unreadable()).isZero();
    }

    @Test
    void shouldFingerprintHikvisionSessionInterleavedOverSegmentedTcp() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("pcap/hikvision-tcp-interleaved.pcap"));
        assertThat(rules(r)).containsExactlyInAnyOrder(Rule.RTSP_02, Rule.RTSP_03, Rule.MED_02);
        assertThat(evidence(r, Rule.RTSP_02)).contains("IMKH v1.01", "system=RTP", "video=H.264", "Media Presentation");
        assertThat(evidence(r, Rule.RTSP_03)).contains("vnd.onvif.metadata");
        assertThat(finding(r, Rule.MED_02).count()).isEqualTo(3);
        assertThat(r.rtspMessages()).isEqualTo(10);
        StreamStats st = onlyStream(r);
        assertH264Qvga(st, 75);
        assertThat(st.lostPackets()).isZero();
        assertThat(r.streams().get(0).identity().ssrc()).isEqualTo(0x0d6d6627L);
        assertThat(r.unreadable()).isZero();
    }

    @Test
    void shouldFingerprintDahuaSessionAndFlagH265Sei() throws Exception {
        Path file = TestPaths.testData("pcap/dahua-h265-udp.pcap");
        InspectionResult r = inspect(file);
        assertThat(rules(r)).containsExactlyInAnyOrder(Rule.RTSP_02, Rule.MED_02, Rule.MED_06, Rule.MED_08);
        assertThat(atLeastMedium(r)).containsExactlyInAnyOrder(Rule.MED_02, Rule.MED_06);
        assertThat(evidence(r, Rule.RTSP_02)).contains("Rtsp Server/3.0", "Login to 5J0123PAZ0",
                "packetization-supported:DH", "s=Media Server");
        assertThat(finding(r, Rule.MED_06).details()).containsEntry("uuid", "0badc0de-dead-4bee-8f00-a1b2c3d4e5f6");
        StreamStats st = onlyStream(r);
        assertThat(st.codec()).isEqualTo(Codec.H265);
        assertThat(st.width()).isEqualTo(320);
        assertThat(st.frames()).isEqualTo(75);
        assertThat(st.lostPackets()).isZero();
        assertThat(r.streams().get(0).track().encodingName()).isEqualToIgnoringCase("H265");
    }

    @Test
    void shouldCarryNoPasswordAndNeverEchoTheDigestResponse() throws Exception {
        Path file = TestPaths.testData("pcap/dahua-h265-udp.pcap");
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        assertThat(bytes).doesNotContain("password").doesNotContain("passwd").doesNotContain("admin");
        InspectionResult r = inspect(file);
        for (Finding f : r.findings()) {
            assertThat(f.toString() + f.details() + f.summary()).doesNotContain("0badc0de0badc0de");
        }
    }

    @Test
    void shouldReportSetupDestinationAndUnknownRtpExtension() throws Exception {
        InspectionResult r = inspect(TestPaths.testData("pcap/rtsp-redirect-destination.pcap"));
        assertThat(rules(r)).containsExactlyInAnyOrder(Rule.RTSP_01, Rule.MED_05);
        Finding redirect = finding(r, Rule.RTSP_01);
        assertThat(redirect.details()).containsEntry("destination", "198.51.100.7");
        assertThat(redirect.summary()).contains("192.0.2.10");
        assertThat(evidence(r, Rule.MED_05)).contains("0x4849");
        assertThat(finding(r, Rule.MED_05).stream().destinationIp()).isEqualTo("198.51.100.7");
        StreamStats st = onlyStream(r);
        assertH264Qvga(st, 25);
    }

    @Test
    void shouldKeepEveryGeneratedRecordingSmall() throws Exception {
        for (String dir : new String[] {"ps", "dhav", "pcap"}) {
            try (var files = Files.list(TestPaths.testData(dir))) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    assertThat(Files.size(p)).as("%s", p).isLessThan(200_000);
                }
            }
        }
    }
}
