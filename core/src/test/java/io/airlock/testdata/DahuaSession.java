package io.airlock.testdata;

import io.airlock.capture.PcapWriter;
import io.airlock.capture.TcpConversation;
import io.airlock.rtp.H265Packetizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code pcap/dahua-h265-udp.pcap}: a Dahua-like session: {@code Server: Rtsp Server/3.0}, a 401 with the
 * {@code Login to <serial>} Digest realm, an authorised DESCRIBE (a made-up digest response, no password anywhere),
 * {@code s=Media Server} and {@code a=packetization-supported:DH}, then {@code h265/hisilicon-sei229.h265} over UDP.
 */
final class DahuaSession {

    static final String REALM = "Login to 5J0123PAZ0";
    /** Not derived from any password: 32 hex digits that only look like an MD5 digest response. */
    static final String FAKE_RESPONSE = "0badc0de0badc0de0badc0de0badc0de";
    private static final String NONCE = "000562fdY631973ef04f77a3ede7c1832ff48720ef95ad";
    private static final int VPS_NUT = 32;
    private static final int SPS_NUT = 33;
    private static final int PPS_NUT = 34;
    private static final long MS = 1_000_000L;
    private static final String SERVER = "Server: Rtsp Server/3.0";

    private final TestDataGenerator generator;

    DahuaSession(TestDataGenerator generator) {
        this.generator = generator;
    }

    void write() throws IOException {
        List<AccessUnits.Unit> units = AccessUnits.h265(AnnexB.split(
                Files.readAllBytes(generator.file("h265/hisilicon-sei229.h265"))));
        String cam = "203.0.113.80";
        String cli = "192.0.2.30";
        String base = "rtsp://" + cam + ":554/cam/realmonitor?channel=1&subtype=0";
        List<byte[]> first = units.get(0).nals();
        byte[] vps = RtspScript.first(first, VPS_NUT, true);
        byte[] sps = RtspScript.first(first, SPS_NUT, true);
        byte[] pps = RtspScript.first(first, PPS_NUT, true);
        String sdp = RtspScript.sdp("v=0", "o=- 2253040596 2253040596 IN IP4 0.0.0.0", "s=Media Server",
                "c=IN IP4 0.0.0.0", "t=0 0", "a=control:*", "a=packetization-supported:DH",
                "a=rtppayload-supported:DH", "a=range:npt=now-", "m=video 0 RTP/AVP 98", "a=control:trackID=0",
                "a=framerate:25.000000", "a=rtpmap:98 H265/90000",
                "a=fmtp:98 profile-id=1;sprop-sps=" + RtspScript.base64(sps) + ";sprop-pps="
                        + RtspScript.base64(pps) + ";sprop-vps=" + RtspScript.base64(vps),
                "a=recvonly");
        String auth = "Authorization: Digest username=\"viewer\", realm=\"" + REALM + "\", nonce=\"" + NONCE
                + "\", uri=\"" + base + "\", response=\"" + FAKE_RESPONSE + "\"";
        try (OutputStream file = Files.newOutputStream(generator.file("pcap/dahua-h265-udp.pcap"));
                PcapWriter pcap = new PcapWriter(file)) {
            TcpConversation tcp = new TcpConversation(pcap, cli, 51000, cam, 554, 77_000, 3_000_000_000L);
            long t = PcapRecordings.START_NS;
            tcp.handshake(t);
            tcp.clientSends(t += MS, RtspScript.request("OPTIONS", base, 1, "User-Agent: Airlock test client"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 1, null, SERVER,
                    "Public: OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER"));
            tcp.clientSends(t += MS, RtspScript.request("DESCRIBE", base, 2, "Accept: application/sdp"));
            tcp.serverSends(t += MS, RtspScript.reply(401, "Unauthorized", 2, null, SERVER,
                    "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\", stale=\"FALSE\"",
                    "WWW-Authenticate: Basic realm=\"" + REALM + "\""));
            tcp.clientSends(t += MS, RtspScript.request("DESCRIBE", base, 3, "Accept: application/sdp", auth));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 3, sdp, SERVER, "x-Accept-Dynamic-Rate: 1",
                    "Content-Base: " + base + "/", "Cache-Control: must-revalidate"));
            tcp.clientSends(t += MS, RtspScript.request("SETUP", base + "/trackID=0", 4, auth,
                    "Transport: RTP/AVP;unicast;client_port=52000-52001"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 4, null, SERVER,
                    "Session: 1185719238;timeout=60",
                    "Transport: RTP/AVP/UDP;unicast;client_port=52000-52001;server_port=20000-20001;ssrc=5C3B2A19"));
            tcp.clientSends(t += MS, RtspScript.request("PLAY", base + "/", 5, auth, "Session: 1185719238",
                    "Range: npt=0.000-"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 5, null, SERVER, "Session: 1185719238",
                    "RTP-Info: url=trackID=0;seq=100;rtptime=0", "Range: npt=0.000-"));
            H265Packetizer rtp = new H265Packetizer(1400, 0x5C3B2A19L, 98, 100);
            t += 10 * MS;
            for (int i = 0; i < units.size(); i++) {
                long ts = i * (90_000L / TestDataGenerator.FPS);
                long at = t + i * PcapRecordings.FRAME_NS;
                List<byte[]> nals = units.get(i).nals();
                for (int n = 0; n < nals.size(); n++) {
                    for (byte[] p : rtp.packetize(nals.get(n), ts, n == nals.size() - 1)) {
                        pcap.udp(at += 100_000, cam, 20000, cli, 52000, p);
                    }
                }
            }
            t += units.size() * PcapRecordings.FRAME_NS;
            tcp.clientSends(t += MS, RtspScript.request("TEARDOWN", base + "/", 6, auth, "Session: 1185719238"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 6, null, SERVER, "Session: 1185719238"));
            tcp.close(t + MS);
        }
    }
}
