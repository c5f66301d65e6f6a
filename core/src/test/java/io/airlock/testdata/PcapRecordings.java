package io.airlock.testdata;

import io.airlock.capture.PcapWriter;
import io.airlock.capture.TcpConversation;
import io.airlock.rtp.H264Packetizer;
import io.airlock.rtp.H265Packetizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * The RTSP session captures of {@code src-test-data/pcap}: whole sessions (control over TCP, RTP over UDP or
 * interleaved) built with {@link PcapWriter}, {@link TcpConversation} and the core RTP packetizers. Addresses are
 * documentation ranges (RFC 5737) only.
 */
final class PcapRecordings {

    static final long START_NS = 1_700_000_000_000_000_000L;
    static final long FRAME_NS = 1_000_000_000L / TestDataGenerator.FPS;
    private static final long MS = 1_000_000L;
    private static final int MTU = 1400;
    private static final long RTP_TICKS_PER_FRAME = 90_000 / TestDataGenerator.FPS;
    private static final long RTP_BASE = 0x1234_5678L;

    private final TestDataGenerator generator;
    private final ContainerRecordings streams;

    PcapRecordings(TestDataGenerator generator) {
        this.generator = generator;
        this.streams = new ContainerRecordings(generator);
    }

    void generateAll() throws IOException {
        Files.createDirectories(generator.file("pcap"));
        rtspUdpH264Clean();
        hikvisionTcpInterleaved();
        new DahuaSession(generator).write();
        new RedirectSession(generator).write();
    }

    /** {@code pcap/rtsp-udp-h264-clean.pcap}: OPTIONS ... TEARDOWN, 3 s of clean H.264 over UDP. */
    void rtspUdpH264Clean() throws IOException {
        List<AccessUnits.Unit> units = streams.clean();
        String cam = "203.0.113.5";
        String cli = "192.0.2.10";
        String base = "rtsp://" + cam + ":554/stream1";
        byte[] sps = RtspScript.first(units.get(0).nals(), 7, false);
        byte[] pps = RtspScript.first(units.get(0).nals(), 8, false);
        String sdp = RtspScript.sdp("v=0", "o=- 1700000000 1 IN IP4 " + cam, "s=Airlock test camera",
                "c=IN IP4 0.0.0.0", "t=0 0", "a=control:*", "a=range:npt=0-", "m=video 0 RTP/AVP 96", "a=rtpmap:96 H264/90000",
                "a=fmtp:96 packetization-mode=1;profile-level-id=" + RtspScript.profileLevelId(sps)
                        + ";sprop-parameter-sets=" + RtspScript.spropParameterSets(sps, pps),
                "a=control:trackID=1");
        try (OutputStream file = Files.newOutputStream(generator.file("pcap/rtsp-udp-h264-clean.pcap"));
                PcapWriter pcap = new PcapWriter(file)) {
            TcpConversation tcp = new TcpConversation(pcap, cli, 50112, cam, 554, 1000, 700_000);
            long t = START_NS;
            tcp.handshake(t);
            tcp.clientSends(t += MS, RtspScript.request("OPTIONS", base, 1, "User-Agent: Airlock test client"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 1, null,
                    "Public: OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN"));
            tcp.clientSends(t += MS, RtspScript.request("DESCRIBE", base, 2, "Accept: application/sdp"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 2, sdp, "Content-Base: " + base + "/"));
            tcp.clientSends(t += MS, RtspScript.request("SETUP", base + "/trackID=1", 3,
                    "Transport: RTP/AVP;unicast;client_port=50000-50001"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 3, null,
                    "Transport: RTP/AVP;unicast;client_port=50000-50001;server_port=6970-6971;ssrc=1A2B3C4D",
                    "Session: 12345678;timeout=60"));
            tcp.clientSends(t += MS, RtspScript.request("PLAY", base + "/", 4, "Session: 12345678",
                    "Range: npt=0.000-"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 4, null, "Session: 12345678",
                    "RTP-Info: url=" + base + "/trackID=1;seq=4242;rtptime=" + RTP_BASE));
            H264Packetizer rtp = new H264Packetizer(MTU, 0x1A2B3C4DL, 96, 4242);
            t += 10 * MS;
            for (int i = 0; i < units.size(); i++) {
                long ts = (RTP_BASE + i * RTP_TICKS_PER_FRAME) & 0xFFFFFFFFL;
                long at = t + i * FRAME_NS;
                List<byte[]> nals = units.get(i).nals();
                for (int n = 0; n < nals.size(); n++) {
                    for (byte[] p : rtp.packetize(nals.get(n), ts, n == nals.size() - 1)) {
                        pcap.udp(at += 100_000, cam, 6970, cli, 50000, p);
                    }
                }
            }
            t += units.size() * FRAME_NS;
            tcp.clientSends(t += MS, RtspScript.request("TEARDOWN", base + "/", 5, "Session: 12345678"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 5, null, "Session: 12345678"));
            tcp.close(t + MS);
        }
    }

    /**
     * {@code pcap/hikvision-tcp-interleaved.pcap}: Hikvision-like headers and SDP (IMKH MEDIAINFO, ONVIF metadata
     * track), RTP/AVP/TCP interleaved with the {@code ssrc= d6d6627} quirk, SEI 229 H.264; the camera's bytes are cut
     * into TCP segments regardless of message and {@code $} frame boundaries.
     */
    void hikvisionTcpInterleaved() throws IOException {
        List<AccessUnits.Unit> units = streams.hisilicon();
        String cam = "203.0.113.64";
        String cli = "192.0.2.20";
        String base = "rtsp://" + cam + ":554/Streaming/Channels/101";
        String query = "?transportmode=unicast&profile=Profile_1";
        byte[] sps = RtspScript.first(units.get(0).nals(), 7, false);
        byte[] pps = RtspScript.first(units.get(0).nals(), 8, false);
        String sdp = RtspScript.sdp("v=0", "o=- 1700000000000000 1700000000000000 IN IP4 " + cam,
                "s=Media Presentation", "e=NONE", "b=AS:5050", "t=0 0", "a=control:" + base + "/" + query,
                "m=video 0 RTP/AVP 96", "c=IN IP4 0.0.0.0", "b=AS:5000", "a=recvonly", "a=x-dimensions:320,240",
                "a=control:" + base + "/trackID=1" + query, "a=rtpmap:96 H264/90000",
                "a=fmtp:96 profile-level-id=" + RtspScript.profileLevelId(sps) + "; packetization-mode=1;"
                        + " sprop-parameter-sets=" + RtspScript.spropParameterSets(sps, pps),
                "m=application 0 RTP/AVP 107", "c=IN IP4 0.0.0.0", "b=AS:50", "a=recvonly",
                "a=control:" + base + "/trackID=3" + query, "a=rtpmap:107 vnd.onvif.metadata/90000",
                "a=Media_header:MEDIAINFO=" + RtspScript.hex(ContainerRecordings.imkhHeader(4, 1)) + ";",
                "a=appversion:1.0");
        try (OutputStream file = Files.newOutputStream(generator.file("pcap/hikvision-tcp-interleaved.pcap"));
                PcapWriter pcap = new PcapWriter(file)) {
            TcpConversation tcp = new TcpConversation(pcap, cli, 49500, cam, 554, 0x10000, 0xFFFF0000L);
            long t = START_NS;
            tcp.handshake(t);
            tcp.clientSends(t += MS, RtspScript.request("OPTIONS", base, 2, "User-Agent: Airlock test client"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 2, null,
                    "Public: OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER",
                    "Date:  Thu, Nov 14 2023 22:13:20 GMT"));
            tcp.clientSends(t += MS, RtspScript.request("DESCRIBE", base, 3, "Accept: application/sdp"));
            byte[] describe = RtspScript.reply(200, "OK", 3, sdp, "Content-Base: " + base + "/");
            // One reply in two segments, cut inside the header block.
            t = segments(tcp, t, 200_000, describe, 61, 65_000);
            tcp.clientSends(t += MS, RtspScript.request("SETUP", base + "/trackID=1" + query, 4,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 4, null,
                    "Session:       708886412;timeout=60",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc= d6d6627",
                    "Date:  Thu, Nov 14 2023 22:13:20 GMT"));
            tcp.clientSends(t += MS, RtspScript.request("PLAY", base + "/" + query, 5, "Session: 708886412",
                    "Range: npt=0.000-"));
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            down.writeBytes(RtspScript.reply(200, "OK", 5, null, "Session:       708886412",
                    "RTP-Info: url=" + base + "/trackID=1" + query + ";seq=1;rtptime=" + RTP_BASE,
                    "Date:  Thu, Nov 14 2023 22:13:20 GMT"));
            H264Packetizer rtp = new H264Packetizer(MTU, 0x0d6d6627L, 96, 1);
            for (int i = 0; i < units.size(); i++) {
                long ts = (RTP_BASE + i * RTP_TICKS_PER_FRAME) & 0xFFFFFFFFL;
                List<byte[]> nals = units.get(i).nals();
                for (int n = 0; n < nals.size(); n++) {
                    for (byte[] p : rtp.packetize(nals.get(n), ts, n == nals.size() - 1)) {
                        down.writeBytes(new byte[] {'$', 0, (byte) (p.length >>> 8), (byte) p.length});
                        down.writeBytes(p);
                    }
                }
            }
            // Paced like the camera: the stream's duration spread evenly over its segments.
            byte[] stream = down.toByteArray();
            long segmentsNeeded = stream.length / ((1448 + 517 + 1448 + 999 + 3) / 5) + 1;
            t = segments(tcp, t + MS, units.size() * FRAME_NS / segmentsNeeded, stream, 1448, 517, 1448, 999, 3);
            tcp.clientSends(t += MS, RtspScript.request("TEARDOWN", base + "/" + query, 6,
                    "Session: 708886412"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 6, null, "Session:       708886412"));
            tcp.close(t + MS);
        }
    }

    /**
     * Sends {@code data} from the camera in segments of the given sizes, cycling, {@code stepNs} apart; returns the
     * last time used.
     */
    static long segments(TcpConversation tcp, long t, long stepNs, byte[] data, int... sizes) throws IOException {
        int at = 0;
        int k = 0;
        while (at < data.length) {
            int n = Math.min(sizes[k++ % sizes.length], data.length - at);
            byte[] seg = new byte[n];
            System.arraycopy(data, at, seg, 0, n);
            tcp.serverSends(t += stepNs, seg);
            at += n;
        }
        return t;
    }
}
