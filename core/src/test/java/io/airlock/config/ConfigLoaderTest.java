package io.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: defaults, and every kind of problem with its exact line and column. */
class ConfigLoaderTest {

    static final String CAMERAS = """
            cameras:
              - name: lobby
                url: rtsp://192.0.2.10/Streaming/Channels/101
                recorders: [nvr]
            """;
    static final String RECORDERS = """
            recorders:
              - name: nvr
                addresses: [198.51.100.20]
            """;

    @TempDir
    Path temp;

    static ConfigResult parse(String yaml) {
        return ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", null, Map.<String, String>of()::get);
    }

    /** The problems as "LINE:COLUMN: message". */
    static List<String> problems(String yaml) {
        ConfigResult r = parse(yaml);
        assertThat(r.ok()).as("expected problems").isFalse();
        return r.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    @Test
    void shouldApplyDefaultsToMinimalConfig() {
        ConfigResult r = parse(CAMERAS + RECORDERS);
        assertThat(r.problems()).isEmpty();
        AirlockConfig c = r.config();
        assertThat(c.listen().rtsp()).hasToString("0.0.0.0:8554");
        assertThat(c.listen().management()).hasToString("127.0.0.1:9090");
        assertThat(c.listen().managementToken()).isNull();
        assertThat(c.listen().rtpPorts()).isEqualTo(new PortRange(30000, 30999));
        CameraConfig lobby = c.camera("lobby");
        assertThat(lobby.transport()).isEqualTo(Transport.AUTO);
        assertThat(lobby.keepalive()).isEqualTo(Duration.ofSeconds(20));
        assertThat(lobby.hasCredentials()).isFalse();
        assertThat(lobby.allows("nvr")).isTrue();
        assertThat(c.recorder("nvr").addresses()).hasSize(1);
        assertThat(c.policy().action("RTSP-01")).isEqualTo(PolicyAction.ALERT);
        assertThat(c.pipeline()).isEqualTo(new PipelineConfig(16384, "blocking"));
        assertThat(c.limits()).isEqualTo(new Limits(2048, Duration.ofSeconds(5), Duration.ofSeconds(60), 64));
    }

    @Test
    void shouldReportABlankNumberInsteadOfFailing() {
        assertThat(problems(CAMERAS + RECORDERS + "limits:\n  max_recorders: \"  \"\n"))
                .containsExactly("9:18: 'max_recorders' must be a whole number from 1 to 4096, found ''");
    }

    @Test
    void shouldReadTheWatchSection() {
        ConfigResult r = parse(CAMERAS + RECORDERS + """
                watch:
                  interface: eth1
                  ntp: [192.0.2.123]
                  dns: [192.0.2.53]
                  allow: [192.0.2.0/28]
                  max_flows_per_camera: 512
                """);
        assertThat(r.problems()).isEmpty();
        WatchSettings w = r.config().watch();
        assertThat(w.enabled()).isTrue();
        assertThat(w.interfaceName()).isEqualTo("eth1");
        assertThat(w.ntp()).containsExactly("192.0.2.123");
        assertThat(w.allow()).containsExactly("192.0.2.0/28");
        assertThat(w.maxFlowsPerCamera()).isEqualTo(512);
        assertThat(w.snaplen()).isEqualTo(WatchSettings.DEFAULT_SNAPLEN);
    }

    @Test
    void shouldReportWatchProblemsWithTheirPlace() {
        assertThat(problems(CAMERAS + RECORDERS + """
                watch:
                  interface: "eth1; rm -rf /"
                  dns: [resolver.example]
                  allow: [192.0.2.0/33]
                  promiscuous: maybe
                """)).containsExactly(
                "9:14: 'interface' must be a network interface name such as eth1 (see 'ip link'), found"
                        + " 'eth1; rm -rf /'",
                "10:9: 'dns' entries must be IP addresses such as 10.1.0.53, found 'resolver.example'",
                "11:11: 'allow' entries must be IP addresses or blocks such as 10.1.0.53 or 10.1.0.0/24, found"
                        + " '192.0.2.0/33'",
                "12:16: 'promiscuous' must be true or false, found 'maybe'");
    }

    @Test
    void shouldReportUnknownKeyWithSuggestion() {
        assertThat(problems(CAMERAS.replace("    recorders", "    recoders: [x]\n    recorders") + RECORDERS))
                .containsExactly("4:5: unknown key 'recoders' in camera 'lobby' (did you mean 'recorders'?)");
    }

    @Test
    void shouldReportUnknownTopLevelKeyWithoutSuggestionWhenNothingIsClose() {
        assertThat(problems(CAMERAS + RECORDERS + "frobnicate: 1\n"))
                .containsExactly("8:1: unknown key 'frobnicate' in the configuration");
    }

    @Test
    void shouldReportDuplicateKey() {
        assertThat(problems(CAMERAS + RECORDERS + "limits:\n  max_recorders: 5\n  max_recorders: 6\n"))
                .containsExactly("10:3: duplicate key 'max_recorders' in limits (first at line 9)");
    }

    @Test
    void shouldReportYamlSyntaxErrorAtItsLocation() {
        assertThat(problems(CAMERAS + "recorders: [nvr\n"))
                .singleElement().asString().startsWith("6:1: YAML syntax: ");
    }

    @Test
    void shouldReportTabIndentation() {
        assertThat(problems("cameras:\n\t- name: a\n")).singleElement().asString()
                .startsWith("2:1: YAML syntax: found character").contains("TAB");
    }

    @Test
    void shouldRefuseCredentialsInUrlWithoutQuotingThem() {
        List<String> p = problems(CAMERAS.replace("rtsp://192.0.2.10", "rtsp://admin:hunter2@192.0.2.10") + RECORDERS);
        assertThat(p).containsExactly("3:10: 'url': credentials in the URL are not allowed (URLs get logged);"
                + " put them in 'username' and 'password'");
        assertThat(String.join("\n", p)).doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseUrlOtherThanRtsp() {
        assertThat(problems(CAMERAS.replace("rtsp://", "http://") + RECORDERS)).singleElement().asString()
                .startsWith("3:10: 'url': only rtsp:// URLs are supported");
    }

    @Test
    void shouldReportBadCidrAndSuggestNetworkWhenHostBitsAreSet() {
        assertThat(problems(CAMERAS + RECORDERS.replace("198.51.100.20", "10.1.2.3/8, 10.0.0.0/33, nvr.local")))
                .containsExactly(
                        "7:17: address '10.1.2.3/8' of recorder 'nvr': host bits set below /8;"
                                + " did you mean 10.0.0.0/8?",
                        "7:29: address '10.0.0.0/33' of recorder 'nvr': prefix length must be 0-32",
                        "7:42: address 'nvr.local' of recorder 'nvr': not an IP address or CIDR block"
                                + " (write e.g. 10.1.0.0/16 or 192.0.2.7)");
    }

    @Test
    void shouldReadIpv6BlocksInFlowLists() {
        ConfigResult r = parse(CAMERAS + RECORDERS.replace("198.51.100.20", "fd00::/8, 2001:db8::7"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().recorder("nvr").addresses()).extracting(Cidr::toString)
                .containsExactly("fd00::/8", "2001:db8::7/128");
    }

    @Test
    void shouldReportBadDurations() {
        assertThat(problems(CAMERAS + "    keepalive: 20\n" + RECORDERS + "limits:\n  recorder_stall: 1ms\n"))
                .containsExactly(
                        "5:16: 'keepalive' must be a duration such as 250ms, 5s, 2m or 1h, found '20'",
                        "10:19: 'recorder_stall' must be from 100ms to 10m, found 1ms");
    }

    @Test
    void shouldReportDuplicateCameraAndRecorderNames() {
        String twoCameras = CAMERAS + CAMERAS.substring("cameras:\n".length());
        String twoRecorders = RECORDERS + RECORDERS.substring("recorders:\n".length());
        assertThat(problems(twoCameras + twoRecorders)).containsExactly(
                "5:5: camera 'lobby' is defined twice (first at line 2)",
                "11:5: recorder 'nvr' is defined twice (first at line 9)");
    }

    @Test
    void shouldReportRecorderReferenceThatIsNotDefined() {
        assertThat(problems(CAMERAS.replace("[nvr]", "[nvr, nvr2, backup]") + RECORDERS)).containsExactly(
                "4:22: camera 'lobby' names recorder 'nvr2', which is not defined under 'recorders'"
                        + " (did you mean 'nvr'?)",
                "4:28: camera 'lobby' names recorder 'backup', which is not defined under 'recorders'");
    }

    @Test
    void shouldRefuseRecorderThatWouldAdmitAnyone() {
        assertThat(problems(CAMERAS + "recorders:\n  - name: nvr\n")).containsExactly(
                "6:5: recorder 'nvr' has neither 'addresses' nor 'username'/'password': it would admit anyone");
    }

    @Test
    void shouldRefuseCameraWithoutRecordersOrUrl() {
        assertThat(problems("cameras:\n  - name: lobby\n" + RECORDERS)).containsExactly(
                "2:5: camera 'lobby' needs 'url'",
                "2:5: camera 'lobby' needs 'recorders': the recorders allowed to pull it");
    }

    @Test
    void shouldRefuseBadNamesAndTransport() {
        assertThat(problems(CAMERAS.replace("name: lobby", "name: Lobby Cam") + "    transport: quic\n" + RECORDERS))
                .containsExactly(
                        "2:11: name 'Lobby Cam' of camera #1 must be 1-64 characters of a-z 0-9 _ - (it becomes part"
                                + " of URLs)",
                        "5:16: 'transport' must be auto, udp or tcp, found 'quic'");
    }

    @Test
    void shouldRefuseUsernameWithoutPassword() {
        assertThat(problems(CAMERAS + "    username: admin\n" + RECORDERS)).containsExactly(
                "5:15: camera 'lobby' has a 'username' but no 'password'; there are no default passwords");
    }

    @Test
    void shouldReadProfiles() {
        ConfigResult r = parse(CAMERAS + "    profiles:\n      sub: rtsp://192.0.2.10/Streaming/Channels/102\n"
                + RECORDERS);
        assertThat(r.config().camera("lobby").profiles()).containsOnlyKeys("sub");
        assertThat(problems(CAMERAS + "    profiles:\n      Sub: rtsp://x/\n      ok: ftp://x/\n" + RECORDERS))
                .containsExactly("6:7: profile name 'Sub' must be 1-64 of a-z 0-9 _ -",
                        "7:11: 'ok': only rtsp:// URLs are supported,"
                                + " e.g. rtsp://192.0.2.10:554/Streaming/Channels/101");
    }

    @Test
    void shouldRefuseNonLoopbackManagementWithoutToken() {
        assertThat(problems("listen:\n  management: 0.0.0.0:9090\n" + CAMERAS + RECORDERS)).containsExactly(
                "2:15: management on 0.0.0.0:9090 is not loopback and needs 'management_token' ({env: NAME} or"
                        + " {file: PATH}); there are no default passwords");
    }

    @Test
    void shouldAcceptNonLoopbackManagementWithTokenFromFile() throws Exception {
        Files.writeString(temp.resolve("token"), "0123456789abcdef0123\n");
        Path file = temp.resolve("airlock.yaml");
        Files.writeString(file, "listen:\n  management: '[::]:9090'\n  management_token: {file: token}\n"
                + CAMERAS + RECORDERS);
        ConfigResult r = ConfigLoader.load(file);
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().listen().managementToken().reveal()).isEqualTo("0123456789abcdef0123");
        assertThat(r.config().listen().management()).hasToString("[::]:9090");
    }

    @Test
    void shouldRefuseShortManagementToken() {
        assertThat(problems("listen:\n  management_token: short\n" + CAMERAS + RECORDERS)).containsExactly(
                "2:21: 'management_token' must be at least 16 characters");
    }

    @Test
    void shouldRefuseHostNamesAndClashingPortsInListen() {
        assertThat(problems("listen:\n  rtsp: airlock.local:8554\n  management: 127.0.0.1:30002\n"
                + CAMERAS + RECORDERS)).containsExactly(
                "2:9: 'rtsp' must be IP:PORT such as 0.0.0.0:8554 or [::1]:9090 (host names are not accepted),"
                        + " found 'airlock.local:8554'",
                "3:15: 'rtp_ports' 30000-30999 includes port 30002 of 'management'");
    }

    @Test
    void shouldReadPolicyAndRefuseUnknownRules() {
        ConfigResult r = parse(CAMERAS + RECORDERS + "policy:\n  rtsp-01: block\n  NET-03: block\n"
                + "  CVE-2021-36260: block\n");
        assertThat(r.config().policy().action("RTSP-01")).isEqualTo(PolicyAction.BLOCK);
        assertThat(r.config().policy().action("MED-02")).isEqualTo(PolicyAction.ALERT);
        assertThat(r.config().policy().summary()).isEqualTo("RTSP-01 block, NET-03 block, CVE-2021-36260 block,"
                + " others alert");
        assertThat(problems(CAMERAS + RECORDERS + "policy:\n  MED-2: block\n  RTSP-01: deny\n")).containsExactly(
                "9:3: unknown rule 'MED-2' in policy (did you mean 'MED-02'?); see 'airlock rules'",
                "10:12: the action for RTSP-01 must be alert or block");
    }

    @Test
    void shouldRefuseRingSizeNotPowerOfTwoAndUnknownWaitStrategy() {
        assertThat(problems(CAMERAS + RECORDERS + "pipeline:\n  ring_size: 1000\n  wait_strategy: spin\n"))
                .containsExactly("9:14: 'ring_size' must be a power of two, e.g. 512 or 1024",
                        "10:18: 'wait_strategy' must be one of sleeping, blocking, lite-blocking, yielding, busy-spin,"
                                + " found 'spin'");
    }

    @Test
    void shouldRefuseAStageCpuThisMachineDoesNotHave() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertThat(problems(CAMERAS + RECORDERS + "pipeline:\n  stage_cpu: " + cpus + "\n"))
                .containsExactly("9:14: 'stage_cpu' " + cpus + " is not a CPU this process may use (0-" + (cpus - 1)
                        + ")");
    }

    @Test
    void shouldTakeAStageCpu() {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        ConfigResult r = parse(CAMERAS + RECORDERS + "pipeline:\n  wait_strategy: busy-spin\n  stage_cpu: 0\n");
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.config().pipeline()).isEqualTo(new PipelineConfig(16384, "busy-spin", 0));
    }

    @Test
    void shouldReportEveryProblemInFileOrder() {
        String yaml = """
                listen:
                  managment: 127.0.0.1:9090
                cameras:
                  - name: lobby
                    url: rtsp://u:p@192.0.2.10/
                    recorders: [nvx]
                    keepalive: soon
                recorders:
                  - name: nvr
                    addresses: [300.0.0.1]
                limits:
                  max_recorders: 0
                """;
        assertThat(problems(yaml)).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("2:3:", "5:10:", "6:17:", "7:16:", "10:17:", "12:18:");
    }

    @Test
    void shouldRefuseAliases() {
        assertThat(problems("x: &a rtsp://192.0.2.1/\n" + CAMERAS.replace("rtsp://192.0.2.10/Streaming/Channels/101",
                "*a") + RECORDERS)).contains("4:10: YAML aliases (*name) are not supported; write the value out");
    }

    @Test
    void shouldRefuseSecondDocumentEmptyFileAndNonMappingRoot() {
        assertThat(problems(CAMERAS + RECORDERS + "---\na: 1\n"))
                .containsExactly("9:1: only one YAML document is allowed (remove '---')");
        assertThat(problems("")).containsExactly("1:1: the file is empty: it needs at least 'cameras' and 'recorders'");
        assertThat(problems("- a\n")).containsExactly(
                "1:1: the configuration must be a mapping of keys to values, found a list");
    }

    @Test
    void shouldRefuseFileOverOneMebibyteUnread() throws Exception {
        Path big = temp.resolve("big.yaml");
        Files.write(big, new byte[ConfigLoader.MAX_FILE_BYTES + 1]);
        assertThat(ConfigLoader.load(big).problems()).extracting(ConfigProblem::message)
                .containsExactly("the file is larger than 1048576 bytes");
        assertThat(ConfigLoader.load(temp.resolve("absent.yaml")).problems()).extracting(ConfigProblem::message)
                .containsExactly("the file does not exist");
    }

    @Test
    void shouldRefuseDeepNesting() {
        assertThat(problems("a: " + "[".repeat(40) + "]".repeat(40) + "\n")).isNotEmpty();
    }
}
