package io.airlock.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlock.capture.LiveCaptureProbe;
import io.airlock.support.NetnsTopology.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The topology routes a camera's traffic through airlock to the internet host, and a capture inside airlock on the
 * camera-facing interface sees it.
 */
class NetnsTopologyTest {

    private static final String CAMERA = "10.77.1.10";

    @Test
    void shouldShowCameraTrafficToTheInternetOnTheCameraFacingInterface() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed: skipping");
        String prefix;
        try (NetnsTopology net = NetnsTopology.create()) {
            prefix = net.prefix();
            assertThat(NetnsTopology.namespaces()).contains(net.namespace(Host.CAMERA), net.namespace(Host.AIRLOCK),
                    net.namespace(Host.RECORDER), net.namespace(Host.INTERNET));
            String filter = "host " + CAMERA + " and (udp port 8800 or tcp port 8801)";
            try (ChildProcess sink = ChildProcess.start(net.command(Host.INTERNET,
                    ChildProcess.java(TcpSink.class, "8801").toArray(new String[0])));
                    ChildProcess probe = ChildProcess.start(net.command(Host.AIRLOCK, ChildProcess.java(
                            LiveCaptureProbe.class, net.interfaceName(Host.CAMERA), filter, "100", "120")
                            .toArray(new String[0])))) {
                assertThat(sink.awaitLine(l -> l.startsWith("listening "), 120)).as(sink.transcript()).isNotNull();
                assertThat(probe.awaitLine(l -> l.startsWith("capturing on cam0"), 120)).as(probe.transcript())
                        .isNotNull();

                fromCamera(net, "printf PTCP > /dev/udp/" + NetnsTopology.INTERNET_ADDRESS + "/8800");
                fromCamera(net, "exec 3<>/dev/tcp/" + NetnsTopology.INTERNET_ADDRESS + "/8801; printf hello >&3;"
                        + " exec 3>&-");

                assertThat(sink.awaitLine(l -> l.equals("received hello"), 60)).as(sink.transcript()).isNotNull();
                String to = " > " + NetnsTopology.INTERNET_ADDRESS;
                assertThat(probe.awaitLine(l -> l.startsWith("UDP " + CAMERA + ":") && l.contains(to + ":8800 ")
                        && l.endsWith("payload=PTCP"), 60)).as(probe.transcript()).isNotNull();
                assertThat(probe.awaitLine(l -> l.startsWith("TCP " + CAMERA + ":") && l.contains(to + ":8801 ")
                        && l.contains("flags=S payload="), 60)).as(probe.transcript()).isNotNull();
                assertThat(probe.awaitLine(l -> l.startsWith("TCP " + CAMERA + ":") && l.endsWith("payload=hello"),
                        60)).as(probe.transcript()).isNotNull();
            }
        }
        assertThat(NetnsTopology.namespaces()).noneMatch(n -> n.startsWith(prefix));
    }

    @Test
    void shouldRemoveNamespacesACrashedRunLeftBehind() throws Exception {
        NetnsTopology.create().close();
        // No process has this id: pid_max is at most 2^22.
        String leftover = NetnsTopology.PREFIX + "999999999-1-camera";
        Process add = new ProcessBuilder("ip", "netns", "add", leftover).inheritIO().start();
        assertThat(add.waitFor()).isZero();
        try (NetnsTopology net = NetnsTopology.create()) {
            assertThat(NetnsTopology.namespaces()).doesNotContain(leftover).contains(net.namespace(Host.CAMERA));
        } finally {
            new ProcessBuilder("ip", "netns", "del", leftover).start().waitFor();
        }
    }

    private static void fromCamera(NetnsTopology net, String script) throws Exception {
        Process p = net.exec(Host.CAMERA, "/bin/bash", "-c", script);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(script).isTrue();
        assertThat(p.exitValue()).as(script + ": " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }
}
