package io.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A secret never shows itself except through {@code reveal()}. */
class SecretTest {

    private static final String VALUE = "hunter2-correct-horse";

    @Test
    void shouldMaskInToStringWhateverTheOrigin() {
        assertThat(Secret.literal(VALUE)).hasToString("***");
        assertThat(Secret.fromEnv("CAM_PASS", VALUE)).hasToString("***");
        assertThat(Secret.fromFile("/run/secrets/cam", VALUE)).hasToString("***");
        assertThat(String.valueOf(Secret.literal(VALUE))).isEqualTo(Secret.MASK);
    }

    @Test
    void shouldMaskInsideRecordsThatHoldIt() {
        CameraConfig camera = new CameraConfig("lobby", URI.create("rtsp://192.0.2.1/"), "admin",
                Secret.literal(VALUE), Transport.TCP, Map.of(), List.of("nvr"), Duration.ofSeconds(20));
        RecorderConfig recorder = new RecorderConfig("nvr", List.of(), "nvr", Secret.fromEnv("X", VALUE));
        assertThat(camera.toString()).contains("password=***").doesNotContain(VALUE);
        assertThat(recorder.toString()).doesNotContain(VALUE);
    }

    @Test
    void shouldRevealOnlyThroughRevealAndSayWhereItCameFrom() {
        Secret s = Secret.fromEnv("CAM_PASS", VALUE);
        assertThat(s.reveal()).isEqualTo(VALUE);
        assertThat(s.origin()).isEqualTo("env CAM_PASS");
        assertThat(Secret.fromFile("/run/secrets/cam", VALUE).origin()).isEqualTo("file /run/secrets/cam");
        assertThat(Secret.literal(VALUE).origin()).isEqualTo("inline");
    }

    @Test
    void shouldCompareValuesWithoutHashingThem() {
        assertThat(Secret.literal(VALUE).matches(VALUE)).isTrue();
        assertThat(Secret.literal(VALUE).matches("hunter2")).isFalse();
        assertThat(Secret.literal(VALUE).matches(null)).isFalse();
        assertThat(Secret.literal(VALUE)).isEqualTo(Secret.fromEnv("A", VALUE));
        assertThat(Secret.literal("a").hashCode()).isEqualTo(Secret.literal("b").hashCode());
    }
}
