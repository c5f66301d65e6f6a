package io.airlock.testdata;

import io.airlock.capture.PcapWriter;
import io.airlock.capture.TcpConversation;
import io.airlock.rtp.H264Packetizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code pcap/rtsp-redirect-destination.pcap}: client 192.0.2.10 asks in SETUP for RTP to go to 198.51.100.7 (RFC
 * 2326 §12.39 {@code destination=}); the camera obeys and sends one second of H.264 there, every RTP packet with one
 * CSRC and a header extension of unknown profile 0x4849 ("HI") carrying 8 bytes (RFC 3550 §5.3.1).
 */
final class RedirectSession {

    static final String THIRD_PARTY = "198.51.100.7";
    static final int EXTENSION_PROFILE = 0x4849;
    static final long CSRC = 0x00C0FFEEL;
    private static final int FRAMES = 25;
    private static final long MS = 1_000_000L;

    private final TestDataGenerator generator;

    RedirectSession(TestDataGenerator generator) {
        this.generator = generator;
    }

    void write() throws IOException {
        List<AccessUnits.Unit> units = new ContainerRecordings(generator).clean().subList(0, FRAMES);
        String cam = "203.0.113.7";
        String cli = "192.0.2.10";
        String base = "rtsp://" + cam + "/live";
        byte[] sps = RtspScript.first(units.get(0).nals(), 7, false);
        byte[] pps = RtspScript.first(units.get(0).nals(), 8, false);
        String sdp = RtspScript.sdp("v=0", "o=- 1 1 IN IP4 " + cam, "s=live", "c=IN IP4 0.0.0.0", "t=0 0",
                "m=video 0 RTP/AVP 96", "a=rtpmap:96 H264/90000",
                "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=" + RtspScript.spropParameterSets(sps, pps),
                "a=control:track1");
        String transport = "RTP/AVP;unicast;destination=" + THIRD_PARTY + ";client_port=5000-5001";
        try (OutputStream file = Files.newOutputStream(generator.file("pcap/rtsp-redirect-destination.pcap"));
                PcapWriter pcap = new PcapWriter(file)) {
            TcpConversation tcp = new TcpConversation(pcap, cli, 50200, cam, 554, 5_000, 9_000);
            long t = PcapRecordings.START_NS;
            tcp.handshake(t);
            tcp.clientSends(t += MS, RtspScript.request("DESCRIBE", base, 1, "Accept: application/sdp"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 1, sdp, "Content-Base: " + base + "/"));
            tcp.clientSends(t += MS, RtspScript.request("SETUP", base + "/track1", 2, "Transport: " + transport));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 2, null, "Session: 4711",
                    "Transport: " + transport + ";server_port=6000-6001"));
            tcp.clientSends(t += MS, RtspScript.request("PLAY", base + "/", 3, "Session: 4711"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 3, null, "Session: 4711"));
            H264Packetizer rtp = new H264Packetizer(1300, 0x51515151L, 96, 1000);
            t += 10 * MS;
            for (int i = 0; i < units.size(); i++) {
                long at = t + i * PcapRecordings.FRAME_NS;
                List<byte[]> nals = units.get(i).nals();
                for (int n = 0; n < nals.size(); n++) {
                    for (byte[] p : rtp.packetize(nals.get(n), i * 3600L, n == nals.size() - 1)) {
                        pcap.udp(at += 100_000, cam, 6000, THIRD_PARTY, 5000, withCsrcAndExtension(p));
                    }
                }
            }
            t += units.size() * PcapRecordings.FRAME_NS;
            tcp.clientSends(t += MS, RtspScript.request("TEARDOWN", base + "/", 4, "Session: 4711"));
            tcp.serverSends(t += MS, RtspScript.reply(200, "OK", 4, null, "Session: 4711"));
            tcp.close(t + MS);
        }
    }

    /** Rewrites a plain 12-byte-header packet: CC=1 plus one CSRC, X=1 plus profile 0x4849, 2 words of data. */
    static byte[] withCsrcAndExtension(byte[] packet) {
        byte[] out = new byte[packet.length + 4 + 4 + 8];
        System.arraycopy(packet, 0, out, 0, 12);
        out[0] = (byte) ((packet[0] & 0xC0) | 0x10 | 1);
        int i = 12;
        i = putInt(out, i, CSRC);
        out[i++] = (byte) (EXTENSION_PROFILE >>> 8);
        out[i++] = (byte) EXTENSION_PROFILE;
        out[i++] = 0;
        out[i++] = 2;
        i = putInt(out, i, 0x41495231L);
        i = putInt(out, i, 0x00000001L);
        System.arraycopy(packet, 12, out, i, packet.length - 12);
        return out;
    }

    private static int putInt(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
        return i + 4;
    }
}
