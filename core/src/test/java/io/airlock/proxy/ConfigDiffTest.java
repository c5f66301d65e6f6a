package io.airlock.proxy;

import io.airlock.config.AirlockConfig;
import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reload would change, decided from the two configurations alone. */
class ConfigDiffTest {

    private static final Map<String, String> ENV = Map.of("NVR_PASSWORD", "nvr-Secret-1", "NVR_PASSWORD_2",
            "nvr-Secret-2", "CAM_PASSWORD", "cam-Secret-1", "CAM_PASSWORD_2", "cam-Secret-2");

    private static final String RECORDERS = """
            recorders:
              - name: nvr
                addresses: [10.0.0.10]
              - name: backup
                addresses: [10.0.0.0/24]
                username: backup
                password: {env: NVR_PASSWORD}
            """;

    private static final String BASE = """
            cameras:
              - name: lobby
                url: rtsp://192.0.2.10/main
                recorders: [nvr, backup]
              - name: door
                url: rtsp://192.0.2.11/main
                username: admin
                password: {env: CAM_PASSWORD}
                profiles:
                  sub: rtsp://192.0.2.11/sub
                recorders: [nvr]
              - name: yard
                url: rtsp://192.0.2.12/main
                recorders: [backup]
            """ + RECORDERS;

    private static AirlockConfig config(String yaml) {
        ConfigResult r = ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", null, ENV::get);
        assertThat(r.problems()).as("test configuration").isEmpty();
        return r.config();
    }

    private static List<String> paths(List<StreamSpec> specs) {
        return specs.stream().map(StreamSpec::path).toList();
    }

    private static InetSocketAddress peer(String ip) {
        return new InetSocketAddress(ip, 40_000);
    }

    @Test
    void shouldFindNothingToDoInTheSameFileLoadedAgain() {
        ConfigDiff d = ConfigDiff.between(config(BASE), config(BASE));
        assertThat(d.lines()).isEmpty();
        assertThat(d.added()).isEmpty();
        assertThat(d.removed()).isEmpty();
        assertThat(d.restarted()).isEmpty();
        assertThat(d.keeps(peer("10.0.0.10"), "/door/sub")).isTrue();
    }

    @Test
    void shouldAddRemoveAndRestartOnlyTheStreamsThatChanged() {
        String next = BASE.replace("""
                  - name: yard
                    url: rtsp://192.0.2.12/main
                    recorders: [backup]
                """, """
                  - name: gate
                    url: rtsp://192.0.2.13/main
                    recorders: [nvr]
                """).replace("rtsp://192.0.2.11/sub", "rtsp://192.0.2.11/sub2");
        ConfigDiff d = ConfigDiff.between(config(BASE), config(next));
        assertThat(paths(d.removed())).containsExactly("/yard");
        assertThat(paths(d.added())).containsExactly("/gate");
        assertThat(paths(d.restarted())).containsExactly("/door/sub");
        assertThat(d.lines()).containsExactly("camera yard removed", "camera door profile sub restarted: url changed",
                "camera gate added: rtsp://192.0.2.13/main");
        assertThat(d.keeps(peer("10.0.0.7"), "/yard")).isFalse();
        assertThat(d.keeps(peer("10.0.0.10"), "/door/sub")).as("a restarted stream keeps its recorders").isTrue();
        assertThat(d.keeps(peer("10.0.0.10"), "/lobby")).isTrue();
    }

    @Test
    void shouldRestartEveryStreamOfACameraWhoseCredentialsChangedWithoutShowingThem() {
        String next = BASE.replace("{env: CAM_PASSWORD}", "{env: CAM_PASSWORD_2}");
        ConfigDiff d = ConfigDiff.between(config(BASE), config(next));
        assertThat(paths(d.restarted())).containsExactly("/door", "/door/sub");
        assertThat(d.lines()).containsExactly("camera door restarted: credentials changed",
                "camera door profile sub restarted: credentials changed");
        assertThat(String.join("\n", d.lines())).doesNotContain("cam-Secret");
    }

    @Test
    void shouldEndOnlySessionsTheNewRecorderRulesNoLongerAdmit() {
        // nvr loses lobby; backup moves to another block and keeps its credentials.
        String next = BASE.replace("recorders: [nvr, backup]", "recorders: [backup]")
                .replace("addresses: [10.0.0.0/24]", "addresses: [10.0.1.0/24]");
        ConfigDiff d = ConfigDiff.between(config(BASE), config(next));
        assertThat(d.lines()).containsExactly("recorder backup changed: addresses",
                "camera lobby recorders [nvr, backup] -> [backup]");
        assertThat(d.keeps(peer("10.0.0.10"), "/lobby")).as("nvr no longer allowed on lobby").isFalse();
        assertThat(d.keeps(peer("10.0.0.10"), "/door")).as("nvr still allowed on door").isTrue();
        assertThat(d.keeps(peer("10.0.0.20"), "/yard")).as("backup's old address").isFalse();
        assertThat(d.keeps(peer("10.0.1.20"), "/yard")).as("backup's new address, same credentials").isTrue();
        assertThat(d.added()).isEmpty();
        assertThat(d.restarted()).isEmpty();
    }

    @Test
    void shouldEndSessionsOfARecorderWhosePasswordChanged() {
        String next = BASE.replace("{env: NVR_PASSWORD}", "{env: NVR_PASSWORD_2}");
        ConfigDiff d = ConfigDiff.between(config(BASE), config(next));
        assertThat(d.lines()).containsExactly("recorder backup changed: credentials");
        assertThat(d.keeps(peer("10.0.0.20"), "/yard")).isFalse();
        assertThat(d.keeps(peer("10.0.0.10"), "/lobby")).as("nvr needs no password and is still listed").isTrue();
        assertThat(String.join("\n", d.lines())).doesNotContain("nvr-Secret");
    }

    @Test
    void shouldReportPolicyChangesBothWays() {
        AirlockConfig before = config(BASE + "policy:\n  RTSP-01: block\n");
        AirlockConfig after = config(BASE + "policy:\n  MED-02: block\n");
        ConfigDiff d = ConfigDiff.between(before, after);
        assertThat(d.policyChanged()).isTrue();
        assertThat(d.lines()).containsExactly("policy RTSP-01: block -> alert", "policy MED-02: alert -> block");
        assertThat(d.applied().policy().action("MED-02").label()).isEqualTo("block");
    }

    @Test
    void shouldKeepRunningValuesOfSettingsThatNeedARestart() {
        AirlockConfig before = config("listen:\n  rtsp: 0.0.0.0:8554\n  rtp_ports: 30000-30999\n" + BASE);
        AirlockConfig after = config("listen:\n  rtsp: 0.0.0.0:8555\n  rtp_ports: 30000-30999\n"
                + "pipeline:\n  ring_size: 1024\nlimits:\n  recorder_stall: 250ms\n"
                + "alerts:\n  file: {path: /tmp/alerts.jsonl}\n" + BASE);
        ConfigDiff d = ConfigDiff.between(before, after);
        assertThat(d.lines()).containsExactly(
                "listen.rtsp 0.0.0.0:8554 -> 0.0.0.0:8555: needs a restart; 0.0.0.0:8554 stays",
                "pipeline.ring_size 16384 -> 1024: needs a restart; 16384 stays",
                "limits.recorder_stall 5s -> 250ms: needs a restart; 5s stays",
                "alerts changed: needs a restart; the running alert sinks stay");
        AirlockConfig applied = d.applied();
        assertThat(applied.listen()).isEqualTo(before.listen());
        assertThat(applied.pipeline()).isEqualTo(before.pipeline());
        assertThat(applied.limits()).isEqualTo(before.limits());
        assertThat(applied.alerts()).isEqualTo(before.alerts());
        assertThat(applied.cameras()).isEqualTo(after.cameras());
    }
}
