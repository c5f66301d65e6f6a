package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile clients on Airlock's RTSP port: garbage, a 1 MB header, 10,000 pipelined OPTIONS and a slowloris each get
 * an error or are dropped, while a recorder on the same port keeps a contiguous stream.
 */
class HostileClientsEndToEndTest {

    private static final long SLOWLORIS_MS = 10_000;
    private static final long BYTE_EVERY_MS = 200;
    private static final int PIPELINED = 10_000;

    @Test
    void shouldRefuseOrDropEveryHostileClientWhileARecorderStreamCarriesOn() {
        assertTimeoutPreemptively(Duration.ofSeconds(35), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.HIKVISION);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                         sim.urls().get(0), "tcp")).awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                int port = proxy.runtime.server().port();
                recorder.playInterleaved(proxy.url());
                CompletableFuture<String> garbage = E2eHarness.async(() -> garbage(port, false));
                CompletableFuture<String> garbageEnded = E2eHarness.async(() -> garbage(port, true));
                CompletableFuture<String> huge = E2eHarness.async(() -> hugeHeader(port));
                CompletableFuture<String> pipelined = E2eHarness.async(() -> pipelined(port));
                CompletableFuture<String> slowloris = E2eHarness.async(() -> slowloris(port));
                E2eHarness.Sequence s = E2eHarness.Sequence.read(recorder, SLOWLORIS_MS + 1000);

                SoftAssertions soft = new SoftAssertions();
                soft.assertThat(s.seqs.size()).as("recorder packets during the attack").isGreaterThan(200);
                soft.assertThat(s.gaps).as("recorder during the attack: %s", s).isZero();
                soft.assertThat(garbage.get(5, TimeUnit.SECONDS)).as("16 KB of garbage with no blank line").matches("closed|error 4\\d\\d.*");
                soft.assertThat(garbageEnded.get(5, TimeUnit.SECONDS)).as("garbage ending in a blank line")
                        .matches("closed|error 4\\d\\d.*");
                soft.assertThat(huge.get(5, TimeUnit.SECONDS)).as("1 MB header").matches("closed|error 4\\d\\d.*");
                soft.assertThat(pipelined.get(5, TimeUnit.SECONDS)).as("10,000 pipelined OPTIONS: dropped, closed or reset")
                        .matches("closed.*");
                soft.assertThat(slowloris.get(5, TimeUnit.SECONDS)).as("slowloris, a byte every %d ms for %d ms",
                        BYTE_EVERY_MS, SLOWLORIS_MS).matches("closed.*|error 4\\d\\d.*");
                soft.assertAll();
            }
        });
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(4000);
        return s;
    }

    private static String garbage(int port, boolean blankLine) {
        byte[] junk = new byte[16 * 1024];
        new Random(42).nextBytes(junk);
        for (int i = 100; i < junk.length; i += 100) {
            junk[i] = '\n';
        }
        junk[0] = 'X';
        if (blankLine) {
            System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, junk, junk.length - 4, 4);
        }
        try (Socket s = connect(port)) {
            s.getOutputStream().write(junk);
            return outcome(s.getInputStream());
        } catch (IOException e) {
            return "closed";
        }
    }

    private static String hugeHeader(int port) {
        byte[] value = new byte[1024 * 1024];
        Arrays.fill(value, (byte) 'a');
        try (Socket s = connect(port)) {
            OutputStream out = s.getOutputStream();
            out.write("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Huge: ".getBytes(StandardCharsets.US_ASCII));
            out.write(value);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return outcome(s.getInputStream());
        } catch (IOException e) {
            return "closed";
        }
    }

    private static String pipelined(int port) {
        StringBuilder all = new StringBuilder(PIPELINED * 40);
        for (int i = 1; i <= PIPELINED; i++) {
            all.append("OPTIONS * RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.US_ASCII);
        try (Socket s = connect(port)) {
            CompletableFuture<Void> writer = E2eHarness.run(() -> {
                try {
                    s.getOutputStream().write(bytes);
                } catch (IOException e) {
                    // The server closed on us: the reader sees it.
                }
            });
            InputStream in = s.getInputStream();
            int answered = 0;
            while (answered < PIPELINED) {
                String head = head(in);
                if (head == null) {
                    return "closed after " + answered;
                }
                if (!head.startsWith("RTSP/1.0 200")) {
                    return "error " + head.substring(9, Math.min(head.length(), 12)) + " after " + answered;
                }
                answered++;
            }
            writer.join();
            return "answered " + answered;
        } catch (SocketTimeoutException e) {
            return "stuck";
        } catch (IOException e) {
            return "closed (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String slowloris(int port) {
        byte[] request = ("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Slow: " + "z".repeat(200))
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket s = connect(port)) {
            s.setSoTimeout((int) BYTE_EVERY_MS);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOWLORIS_MS);
            for (int i = 0; i < request.length && System.nanoTime() < deadline; i++) {
                out.write(request[i]);
                out.flush();
                try {
                    int c = in.read();
                    if (c < 0) {
                        return "closed after " + (i + 1) + " bytes";
                    }
                    return "error " + (char) c + outcomeRest(in);
                } catch (SocketTimeoutException e) {
                    // Still open: trickle on.
                }
            }
            return "still open after " + SLOWLORIS_MS + " ms";
        } catch (IOException e) {
            return "closed (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String outcomeRest(InputStream in) throws IOException {
        byte[] b = new byte[11];
        int n = in.readNBytes(b, 0, b.length);
        String s = new String(b, 0, n, StandardCharsets.US_ASCII);
        return s.length() >= 11 ? s.substring(8, 11) : s;
    }

    /** "error NNN" for an RTSP reply, "closed" when the server hung up; "open" when neither within 4 s. */
    private static String outcome(InputStream in) throws IOException {
        try {
            String head = head(in);
            if (head == null) {
                return "closed";
            }
            return head.startsWith("RTSP/") && head.length() > 12 ? "error " + head.substring(9, 12) : "reply " + head;
        } catch (SocketTimeoutException e) {
            return "open";
        }
    }

    /** One reply head, or null when closed. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.length() == 0 ? null : head.toString();
            }
            head.append((char) c);
        }
        return head.toString();
    }
}
