package io.airlock.watch;

import io.airlock.cli.AirlockCommand;
import io.airlock.support.ChildProcess;
import io.airlock.support.NetnsTopology;
import io.airlock.support.NetnsTopology.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real multi-host network: a camera, Airlock, a recorder and an "internet" host in their own network namespaces,
 * joined through Airlock. {@code airlock watch} captures on Airlock's camera-facing interface while the camera phones
 * home in every way and the recorder attacks it; tcpdump records the same interface, and {@code airlock inspect} of
 * that recording must report the same flow findings.
 */
class CameraNetworkWatchNetnsTest {

    private static final Pattern FIELD = Pattern.compile("\"(rule|src_ip|dest_ip|dest_port|proto)\":\"?([^,\"]*)");
    private static final int WATCH_SECONDS = 14;

    @TempDir
    Path dir;

    @Test
    void shouldReportEveryPhoneHomeKindLiveAndTheSameFromTheRecording() throws Exception {
        try (NetnsTopology net = NetnsTopology.create()) {
            String camera = net.address(Host.CAMERA);
            String airlock = net.airlockAddress(Host.CAMERA);
            assumeTrue(camera.equals(PhoneHomeTraffic.CAMERA), "the cases address the camera as 10.77.1.10");
            List<PhoneHomeTraffic.Case> cases = PhoneHomeTraffic.cases(airlock);
            Path pcap = dir.resolve("camera-lan.pcap");
            try (ChildProcess internet = listen(net, Host.INTERNET, PhoneHomeTraffic.listeningPorts(cases));
                 ChildProcess cameraPorts = listen(net, Host.CAMERA,
                         IntStream.concat(IntStream.of(PhoneHomeReplay.RTSP_PORT),
                                 IntStream.of(PhoneHomeTraffic.listeningPorts(PhoneHomeTraffic.attacks()))).toArray());
                 ChildProcess recording = ChildProcess.start(net.command(Host.AIRLOCK, "tcpdump", "-i",
                         net.interfaceName(Host.CAMERA), "-U", "-s", "2048", "-w", pcap.toString()));
                 ChildProcess watch = ChildProcess.start(net.command(Host.AIRLOCK, airlock(
                         "watch", "-i", net.interfaceName(Host.CAMERA), "--camera", camera, "--allow", airlock,
                         "--json", "--duration", Integer.toString(WATCH_SECONDS))))) {
                awaitErr(watch, "watching", 20);
                awaitErr(recording, "listening on", 20);
                run(net, Host.RECORDER, "recorder");
                run(net, Host.CAMERA, "camera", airlock);
                assertThat(watch.awaitExit(WATCH_SECONDS + 20)).as(watch.errors()).isZero();
                Thread.sleep(500);
                recording.close();
                List<String> live = watch.lines();
                assertThat(watch.errors()).contains("0 dropped by the kernel");
                for (PhoneHomeTraffic.Case c : cases) {
                    assertThat(matching(live, c.rule().id(), c.destination(), c.port())).as(c.name()).hasSize(1);
                }
                for (PhoneHomeTraffic.Case c : PhoneHomeTraffic.attacks()) {
                    assertThat(matching(live, c.rule().id(), camera, c.port())).as(c.name()).hasSize(1);
                    assertThat(matching(live, c.rule().id(), camera, c.port()).get(0))
                            .contains("\"attacker\":\"" + net.address(Host.RECORDER) + "\"");
                }
                assertThat(matching(live, "RTSP-01", PhoneHomeTraffic.CLOUD, PhoneHomeReplay.REDIRECT_PORT))
                        .hasSize(1);

                ChildProcess inspect = ChildProcess.start(new ProcessBuilder(airlock("inspect", "--json",
                        "--no-progress", "--fail-on", "never", "--camera", camera, "--allow", airlock,
                        pcap.toString())));
                assertThat(inspect.awaitExit(60)).as(inspect.errors()).isZero();
                assertThat(flowFindings(inspect.lines())).isEqualTo(flowFindings(live));
                inspect.close();
            }
        }
    }

    private static ChildProcess listen(NetnsTopology net, Host host, int[] ports) throws Exception {
        List<String> args = new ArrayList<>(List.of("listen"));
        for (int p : ports) {
            args.add(Integer.toString(p));
        }
        ChildProcess p = ChildProcess.start(net.command(host, ChildProcess.java(PhoneHomeReplay.class,
                args.toArray(new String[0])).toArray(new String[0])));
        assertThat(p.awaitLine("listening"::equals, 30)).as(p.errors()).isNotNull();
        return p;
    }

    private static void run(NetnsTopology net, Host host, String... args) throws Exception {
        try (ChildProcess p = ChildProcess.start(net.command(host,
                ChildProcess.java(PhoneHomeReplay.class, args).toArray(new String[0])))) {
            assertThat(p.awaitLine("sent"::equals, 60)).as(p.errors()).isNotNull();
        }
    }

    private static String[] airlock(String... args) {
        return ChildProcess.java(AirlockCommand.class, args).toArray(new String[0]);
    }

    private static void awaitErr(ChildProcess p, String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!p.errors().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p.errors()).contains(text);
    }

    private static List<String> matching(List<String> lines, String rule, String destination, int port) {
        return lines.stream().filter(l -> l.contains("\"rule\":\"" + rule + "\"")
                && l.contains("\"dest_ip\":\"" + destination + "\"") && l.contains("\"dest_port\":" + port + ","))
                .collect(Collectors.toList());
    }

    /** "rule src dst:port proto" of every NET, CVE and wire RTSP-01 finding (the watch's own). */
    private static Set<String> flowFindings(List<String> lines) {
        Set<String> out = new TreeSet<>();
        for (String line : lines) {
            if (!line.contains("\"event_type\":\"alert\"")) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                key.append(m.group(2)).append(' ');
            }
            String k = key.toString();
            if (k.startsWith("NET-") || k.startsWith("CVE-") || k.startsWith("RTSP-01") && k.endsWith("udp ")) {
                out.add(k.trim());
            }
        }
        return out;
    }
}
