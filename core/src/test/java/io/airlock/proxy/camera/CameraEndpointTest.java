package io.airlock.proxy.camera;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraEndpointTest {

    @Test
    void shouldNeverPrintThePassword() {
        final CameraEndpoint e = CameraEndpoint.of("gate", URI.create("rtsp://10.0.0.5/Streaming/Channels/101"),
                "admin", "hunter2".toCharArray(), TransportMode.AUTO);
        assertThat(e.toString()).doesNotContain("hunter2").contains("***", "admin", "gate");
        assertThat(e.port()).isEqualTo(554);
    }

    @Test
    void shouldRefuseCredentialsInTheUri() {
        assertThatThrownBy(() -> CameraEndpoint.of("gate", URI.create("rtsp://admin:hunter2@10.0.0.5/live"),
                null, null, TransportMode.TCP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldCopyThePasswordInAndOut() {
        final char[] pw = "hunter2".toCharArray();
        final CameraEndpoint e = CameraEndpoint.of("gate", URI.create("rtsp://10.0.0.5:8554/live?channel=1"),
                "admin", pw, null);
        pw[0] = 'X';
        final char[] out = e.password();
        out[1] = 'Y';
        assertThat(e.password()).containsExactly("hunter2".toCharArray());
        assertThat(e.transport()).isEqualTo(TransportMode.AUTO);
        assertThat(e.url()).isEqualTo("rtsp://10.0.0.5:8554/live?channel=1");
    }

    @Test
    void shouldRefuseANonRtspScheme() {
        assertThatThrownBy(() -> CameraEndpoint.of("gate", URI.create("http://10.0.0.5/live"), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
