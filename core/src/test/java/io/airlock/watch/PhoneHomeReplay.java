package io.airlock.watch;

import io.airlock.classify.SamplePayloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends {@link PhoneHomeTraffic} for real, for the multi-host test; run in a network namespace as a child JVM:
 * <ul>
 *   <li>{@code listen PORT...}: accept TCP on each port, read what comes, answer RTSP on 554; prints "listening";</li>
 *   <li>{@code camera RESOLVER}: every phone-home case (each UDP one {@value #REPEATS} times), then RTP to a third
 *       host;</li>
 *   <li>{@code recorder}: a SETUP to the camera, then every attack on it.</li>
 * </ul>
 */
public final class PhoneHomeReplay {

    static final int REPEATS = 3;
    static final int REDIRECT_PORT = 30_000;
    static final int RTSP_PORT = 554;

    private PhoneHomeReplay() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "listen":
                listen(args);
                break;
            case "camera":
                camera(args[1]);
                break;
            case "recorder":
                recorder();
                break;
            default:
                throw new IllegalArgumentException("listen, camera or recorder, not " + args[0]);
        }
    }

    private static void listen(String[] args) throws IOException, InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(Integer.parseInt(args[i])));
            Thread t = new Thread(() -> serve(server), "listen-" + args[i]);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        System.out.println("listening");
        System.out.flush();
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void serve(ServerSocket server) {
        while (true) {
            try (Socket peer = server.accept(); InputStream in = peer.getInputStream();
                 OutputStream out = peer.getOutputStream()) {
                byte[] buf = new byte[65_536];
                int n = in.read(buf);
                if (server.getLocalPort() == RTSP_PORT && n > 0) {
                    out.write("RTSP/1.0 200 OK\r\nCSeq: 1\r\nSession: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                while (n >= 0) {
                    n = in.read(buf);
                }
            } catch (IOException e) {
                System.err.println("listener " + server.getLocalPort() + ": " + e.getMessage());
            }
        }
    }

    private static void camera(String resolver) throws IOException {
        try (DatagramSocket udp = new DatagramSocket()) {
            udp.setBroadcast(true);
            for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.cases(resolver)) {
                send(udp, c);
            }
            byte[] rtp = SamplePayloads.rtpPacket(96, 1, 0, 0x99, new byte[100]);
            for (int i = 0; i < REPEATS; i++) {
                udp.send(new DatagramPacket(rtp, rtp.length, InetAddress.getByName(PhoneHomeTraffic.CLOUD),
                        REDIRECT_PORT));
            }
        }
        System.out.println("sent");
    }

    private static void recorder() throws IOException {
        try (Socket s = new Socket(PhoneHomeTraffic.CAMERA, RTSP_PORT)) {
            s.getOutputStream().write(("SETUP rtsp://" + PhoneHomeTraffic.CAMERA + "/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Transport: RTP/AVP;unicast;client_port=40000-40001\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read(new byte[1024]);
        }
        for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.attacks()) {
            tcp(c);
        }
        System.out.println("sent");
    }

    private static void send(DatagramSocket udp, PhoneHomeTraffic.Case c) throws IOException {
        if (c.tcp()) {
            tcp(c);
            return;
        }
        for (int i = 0; i < REPEATS; i++) {
            udp.send(new DatagramPacket(c.payload(), c.payload().length, InetAddress.getByName(c.destination()),
                    c.port()));
        }
    }

    private static void tcp(PhoneHomeTraffic.Case c) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(c.destination(), c.port()), 2000);
            s.getOutputStream().write(c.payload());
            s.getOutputStream().flush();
        } catch (IOException e) {
            // Refused: a bare connection attempt, which is what the ISUP case is.
        }
    }
}
