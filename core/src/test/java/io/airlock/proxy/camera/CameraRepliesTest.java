package io.airlock.proxy.camera;

import io.airlock.rtsp.RtspMessage;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CameraRepliesTest {

    static RtspMessage message(final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        final RtspMessage m = new RtspMessage();
        assertThat(m.wrap(Unpooled.wrappedBuffer(bytes), 0, bytes.length)).isNull();
        return m;
    }

    @Test
    void hikvisionSessionPaddedWithSpacesAndTimeout() {
        final RtspMessage m = message("RTSP/1.0 200 OK\r\n"
                + "CSeq: 3\r\n"
                // padded value with a timeout suffix (hikvision_setup.txt)
                + "Session:       708345999;timeout=60\r\n\r\n");
        assertThat(CameraReplies.sessionId(m.header("Session"))).isEqualTo("708345999");
        assertThat(CameraReplies.sessionTimeoutSeconds(m.header("Session"))).isEqualTo(60);
    }

    @Test
    void shouldReadNoTimeoutFromABareOrBrokenSession() {
        assertThat(CameraReplies.sessionTimeoutSeconds("12345")).isEqualTo(-1);
        assertThat(CameraReplies.sessionTimeoutSeconds("12345;timeout=")).isEqualTo(-1);
        assertThat(CameraReplies.sessionTimeoutSeconds("12345; Timeout= 99999999999")).isEqualTo(9_999_999);
        assertThat(CameraReplies.sessionId(" ;timeout=60")).isNull();
    }

    @Test
    void shouldPreferContentBaseThenContentLocationThenRequestUrl() {
        assertThat(CameraReplies.base(message("RTSP/1.0 200 OK\r\nCSeq: 2\r\n"
                + "content-base: rtsp://a/b/\r\nContent-Location: rtsp://c/\r\n\r\n"), "rtsp://x/"))
                .isEqualTo("rtsp://a/b/");
        assertThat(CameraReplies.base(message("RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Location: rtsp://c/\r\n\r\n"),
                "rtsp://x/")).isEqualTo("rtsp://c/");
        assertThat(CameraReplies.base(message("RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n"), "rtsp://x/"))
                .isEqualTo("rtsp://x/");
    }

    @Test
    void shouldUseGetParameterUnlessPublicOmitsIt() {
        assertThat(CameraReplies.allowsGetParameter(message("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n"))).isTrue();
        assertThat(CameraReplies.allowsGetParameter(message("RTSP/1.0 200 OK\r\nCSeq: 1\r\n"
                + "PUBLIC: OPTIONS, DESCRIBE, get_parameter\r\n\r\n"))).isTrue();
        assertThat(CameraReplies.allowsGetParameter(message("RTSP/1.0 200 OK\r\nCSeq: 1\r\n"
                + "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n"))).isFalse();
    }

    @Test
    void shouldRecogniseTheCameraAsSource() throws Exception {
        final InetAddress camera = InetAddress.getByName("192.168.5.106");
        assertThat(CameraReplies.isCamera("192.168.5.106", camera, "cam.local")).isTrue();
        assertThat(CameraReplies.isCamera(" CAM.local", camera, "cam.local")).isTrue();
        assertThat(CameraReplies.isCamera("192.168.5.107", camera, "cam.local")).isFalse();
        assertThat(CameraReplies.isCamera("evil.example", camera, "cam.local")).isFalse();
    }

    @Test
    void shouldStripUserInfoAndControlCharactersFromCameraText() {
        assertThat(CameraReplies.printable("rtsp://admin:pw@203.0.113.9/x\r\nInjected: 1"))
                .isEqualTo("rtsp://203.0.113.9/x??Injected: 1");
        assertThat(CameraReplies.printable("x".repeat(1000))).hasSize(CameraReplies.MAX_DETAIL_LENGTH);
        assertThat(CameraReplies.printable(null)).isEmpty();
    }
}
