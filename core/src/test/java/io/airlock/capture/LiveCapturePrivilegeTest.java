package io.airlock.capture;

import static io.airlock.capture.CaptureAssumptions.assumeCanCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlock.support.ChildProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege: a JVM with no capabilities cannot capture and says what it needs; one with CAP_NET_RAW alone
 * can. The child runs as nobody when nobody can read the classpath; otherwise (a classpath under root's home) it
 * keeps uid 0 but with every capability but CAP_NET_RAW gone, which still shows that nothing else is needed.
 */
class LiveCapturePrivilegeTest {

    private static final String NOBODY = "65534";
    private static final String NET_RAW_ONLY = "0000000000002000";

    @TempDir
    Path jnaDir;

    @Test
    void shouldRefuseToCaptureWithoutCapNetRawAndSayWhatToFix() throws Exception {
        try (ChildProcess probe = ChildProcess.start(new ProcessBuilder(probe(false, "lo", "udp port 9", "1", "5")))) {
            assertThat(probe.awaitExit(120)).as(probe.transcript()).isEqualTo(LiveCaptureProbe.CANNOT_CAPTURE);
            assertThat(probe.errors().lines()).as(probe.transcript()).contains("capture on lo needs CAP_NET_RAW: run as"
                    + " a service with AmbientCapabilities=CAP_NET_RAW, or setcap cap_net_raw+ep on the java binary");
            assertThat(probe.lines()).isEmpty();
        }
    }

    @Test
    void shouldCaptureWithCapNetRawAlone() throws Exception {
        try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
            List<String> argv = probe(true, "lo", "udp and dst port " + port, "1", "60");
            try (ChildProcess probe = ChildProcess.start(new ProcessBuilder(argv))) {
                String ready = probe.awaitLine(l -> l.startsWith(LiveCaptureProbe.READY), 120);
                assertThat(ready).as(probe.transcript()).isEqualTo(LiveCaptureProbe.READY + "lo CapEff=" + NET_RAW_ONLY);
                try (DatagramChannel sender = DatagramChannel.open()) {
                    sender.send(ByteBuffer.wrap("least-privilege".getBytes(StandardCharsets.US_ASCII)),
                            receiver.getLocalAddress());
                }
                assertThat(probe.awaitLine(l -> l.endsWith("payload=least-privilege"), 60)).as(probe.transcript())
                        .startsWith("UDP 127.0.0.1:");
                assertThat(probe.awaitExit(60)).as(probe.transcript()).isZero();
            }
        }
    }

    /** setpriv, then the probe JVM; with {@code netRaw} the child keeps CAP_NET_RAW and nothing else. */
    private List<String> probe(boolean netRaw, String... probeArgs) throws IOException {
        assumeCanCapture();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "setpriv (util-linux) is not installed: skipping least-privilege test");
        String uid = ChildProcess.readableByOthers() ? NOBODY : "0";
        List<String> argv = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups"));
        if (netRaw) {
            argv.addAll(List.of("--inh-caps=-all,+net_raw", "--ambient-caps=+net_raw", "--bounding-set=-all,+net_raw"));
        } else {
            argv.addAll(List.of("--inh-caps=-all", "--bounding-set=-all"));
        }
        List<String> java = ChildProcess.java(LiveCaptureProbe.class, probeArgs);
        // JNA unpacks its native part into a directory the child must be able to write as its own user.
        jnaDir.toFile().setWritable(true, false);
        jnaDir.toFile().setExecutable(true, false);
        java.add(1, "-Djna.tmpdir=" + jnaDir);
        java.add(1, "-XX:-UsePerfData");
        argv.addAll(java);
        return argv;
    }
}
