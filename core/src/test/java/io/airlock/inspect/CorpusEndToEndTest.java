package io.airlock.inspect;

import static io.airlock.testdata.Inspections.atLeastMedium;
import static io.airlock.testdata.Inspections.evidence;
import static io.airlock.testdata.Inspections.inspect;
import static io.airlock.testdata.Inspections.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.Rule;
import io.airlock.capture.PcapWriter;
import io.airlock.capture.TcpConversation;
import io.airlock.codec.Codec;
import io.airlock.support.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party inputs from {@code ../shared/corpus} (skipped when absent): the wilson.pcap capture, and every RTSP
 * transcript replayed as the camera's side of a synthetic TCP connection (built in a temp dir, never committed).
 */
class CorpusEndToEndTest {

    private static final Pattern CSEQ = Pattern.compile("(?im)^CSeq:\\s*(\\d+)");
    private static final Pattern TRANSPORT = Pattern.compile("(?im)^Transport:\\s*(.*?)\\r?$");
    private static final Pattern CLIENT_PORT = Pattern.compile("client_port=(\\d+)-(\\d+)");
    private static final String CAMERA = "203.0.113.50";
    private static final String CLIENT = "192.0.2.60";

    @TempDir
    Path temp;

    @Test
    void shouldReadWilsonCaptureAsOneCleanH265Stream() throws Exception {
        InspectionResult r = inspect(TestPaths.corpus("pcap/wilson.pcap"));
        assertThat(r.streams()).hasSize(1);
        StreamStats st = r.streams().get(0).stats();
        assertThat(st.codec()).isEqualTo(Codec.H265);
        assertThat(st.packets()).isEqualTo(407);
        assertThat(st.lostPackets()).isZero();
        assertThat(atLeastMedium(r)).isEmpty();
        assertThat(rules(r)).contains(Rule.MED_08);
        assertThat(evidence(r, Rule.MED_08)).containsIgnoringCase("47564adc");
    }

    @Test
    void shouldParseEveryTranscriptReplayedInAPcap() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Path> files = transcripts();
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            InspectionResult r = replay(f);
            if (r.internalErrors() != 0) {
                failures.add(f.getFileName() + ": internal error " + r.firstInternalError());
            } else if (r.rtspMessages() < 2) {
                failures.add(f.getFileName() + ": only " + r.rtspMessages() + " RTSP message(s) parsed, unreadable "
                        + r.rejections());
            }
        }
        assertThat(failures).as("transcripts not parsed").isEmpty();
    }

    @Test
    void shouldDecodeHikvisionImkhAndMetadataTrack() throws Exception {
        InspectionResult r = replay(TestPaths.corpus("rtsp-transcripts/hikvision_describe.txt"));
        assertThat(evidence(r, Rule.RTSP_02)).contains("IMKH v1.01 system=RTP video=H.264 audio=none");
        assertThat(rules(r)).contains(Rule.RTSP_03);
        assertThat(evidence(r, Rule.RTSP_03)).contains("vnd.onvif.metadata");
    }

    @Test
    void shouldDecodeCloneImkhHeaders() throws Exception {
        InspectionResult anjvision = replay(TestPaths.corpus("rtsp-transcripts/anjvision_describe.txt"));
        assertThat(evidence(anjvision, Rule.RTSP_02)).contains("IMKH v1.01", "video=HEVC", "ANJVISION");
        InspectionResult ipcam = replay(TestPaths.corpus("rtsp-transcripts/ipcam_describe.txt"));
        assertThat(evidence(ipcam, Rule.RTSP_02)).contains("IMKH v1.01", "video=H.264");
    }

    @Test
    void shouldFingerprintDahuaTranscripts() throws Exception {
        InspectionResult options = replay(TestPaths.corpus("rtsp-transcripts/dahua_options.txt"));
        assertThat(evidence(options, Rule.RTSP_02)).contains("Rtsp Server/3.0");
        InspectionResult h265 = replay(TestPaths.corpus("rtsp-transcripts/dahua_describe_h265_pcma.txt"));
        assertThat(evidence(h265, Rule.RTSP_02)).contains("packetization-supported:DH", "s=Media Server");
        assertThat(rules(h265)).doesNotContain(Rule.RTSP_03);
        InspectionResult onvif = replay(TestPaths.corpus("rtsp-transcripts/dahua_describe_h264_aac_onvif.txt"));
        assertThat(evidence(onvif, Rule.RTSP_02)).contains("packetization-supported:DH");
        assertThat(rules(onvif)).contains(Rule.RTSP_03);
    }

    @Test
    void shouldFingerprintLongseDigestRealm() throws Exception {
        InspectionResult r = replay(TestPaths.corpus("rtsp-transcripts/longse_unauthorized.txt"));
        assertThat(evidence(r, Rule.RTSP_02)).contains("Surveillance Server", "Longse");
        assertThat(evidence(r, Rule.RTSP_02)).doesNotContain("98481030");
    }

    private static List<Path> transcripts() throws IOException {
        Path dir = TestPaths.corpus("rtsp-transcripts");
        List<Path> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().startsWith("LICENSE")).sorted().forEach(out::add);
        }
        return out;
    }

    /** A pcap holding a plausible request for {@code transcript} from a client, then the transcript as the reply. */
    private InspectionResult replay(Path transcript) throws Exception {
        String name = transcript.getFileName().toString();
        byte[] reply = Files.readAllBytes(transcript);
        if (name.endsWith("_sdp.txt")) {
            reply = describeReply(reply);
        }
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        Matcher cseq = CSEQ.matcher(text);
        int seq = cseq.find() ? Integer.parseInt(cseq.group(1)) : 1;
        String method = methodOf(name);
        String uri = "rtsp://" + CAMERA + ":554/" + name.substring(0, name.indexOf('.'));
        StringBuilder request = new StringBuilder(method).append(' ').append(uri)
                .append(method.equals("SETUP") ? "/trackID=1" : "").append(" RTSP/1.0\r\nCSeq: ").append(seq)
                .append("\r\nUser-Agent: Airlock corpus replay\r\n");
        if (method.equals("SETUP")) {
            request.append("Transport: ").append(requestTransport(text)).append("\r\n");
        }
        request.append("\r\n");
        Path pcap = temp.resolve(name.replace(".txt", ".pcap"));
        try (OutputStream out = Files.newOutputStream(pcap); PcapWriter w = new PcapWriter(out)) {
            TcpConversation tcp = new TcpConversation(w, CLIENT, 40000, CAMERA, 554, 1, 1_000_000);
            long t = 1_700_000_000_000_000_000L;
            tcp.handshake(t);
            tcp.clientSends(t + 1_000_000, request.toString().getBytes(StandardCharsets.US_ASCII));
            tcp.serverSends(t + 2_000_000, reply);
            tcp.close(t + 3_000_000);
        }
        InspectionResult r = new OfflineInspection(1024, "sleeping")
                .inspect(pcap, io.airlock.alert.FindingSink.NONE, p -> { });
        assertThat(r.internalErrors()).as("%s: %s", name, r.firstInternalError()).isZero();
        return r;
    }

    private static String methodOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("setup")) {
            return "SETUP";
        } else if (n.contains("play") || n.contains("rtptime")) {
            return "PLAY";
        } else if (n.contains("options")) {
            return "OPTIONS";
        } else if (n.contains("teardown")) {
            return "TEARDOWN";
        }
        return "DESCRIBE";
    }

    private static String requestTransport(String reply) {
        Matcher t = TRANSPORT.matcher(reply);
        String value = t.find() ? t.group(1) : "";
        if (value.toUpperCase(Locale.ROOT).contains("TCP")) {
            return "RTP/AVP/TCP;unicast;interleaved=0-1";
        }
        Matcher ports = CLIENT_PORT.matcher(value);
        return "RTP/AVP;unicast;client_port=" + (ports.find() ? ports.group(1) + "-" + ports.group(2) : "5000-5001");
    }

    private static byte[] describeReply(byte[] sdp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(sdp);
        return out.toByteArray();
    }
}
