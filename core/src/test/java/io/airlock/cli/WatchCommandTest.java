package io.airlock.cli;

import io.airlock.testdata.CliRun;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WatchCommandTest {

    private static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "live capture needs CAP_NET_RAW; run the tests as root to include this test");
    }

    @Test
    void shouldAskWhichInterfaceFacesTheCameras() {
        CliRun run = CliRun.of("watch");
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.err()).contains("-i IF").contains("ip link").doesNotContain("Exception");
    }

    @Test
    void shouldRefuseAddressesThatAreNotAddresses() {
        CliRun run = CliRun.of("watch", "-i", "lo", "--camera", "camera.example");
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.err()).contains("camera.example").contains("IP addresses");
    }

    @Test
    void shouldNameAMissingInterfaceInOneLine() {
        assumeRoot();
        CliRun run = CliRun.of("watch", "-i", "nosuchif0", "--duration", "1");
        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_OR_USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("nosuchif0");
    }

    @Test
    void shouldReportPhoneHomeSeenOnTheLoopbackInterface() throws Exception {
        assumeRoot();
        // One socket, so one flow however long the watch takes to start: it must still be one finding.
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            try (DatagramSocket s = new DatagramSocket()) {
                byte[] ptcp = "PTCP\0\0\0\u0010\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
                while (!done.get()) {
                    s.send(new DatagramPacket(ptcp, ptcp.length, InetAddress.getLoopbackAddress(), 18_800));
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = CliRun.of("watch", "-i", "lo", "--camera", "127.0.0.1", "--filter", "udp port 18800", "--json",
                "--duration", "4");
        done.set(true);
        sender.get(10, TimeUnit.SECONDS);
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).singleElement().asString().contains("\"rule\":\"NET-02\"")
                .contains("\"dest_port\":18800").contains("\"verdict\":\"dahua-ptcp\"");
        assertThat(run.err()).contains("0 dropped by the kernel");
    }
}
