package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class SipMessageTest {

    private final SipMessage sip = new SipMessage();

    @Test
    void shouldReadAGb28181Register() {
        wrap(SamplePayloads.sipRegisterGb28181());
        assertThat(sip.isRequest()).isTrue();
        assertThat(sip.method()).isEqualTo("REGISTER");
        assertThat(sip.requestUri()).isEqualTo("sip:" + SamplePayloads.GB_PLATFORM_ID + "@3402000000");
        assertThat(sip.fromUser()).isEqualTo(SamplePayloads.GB_DEVICE_ID);
        assertThat(sip.toUser()).isEqualTo(SamplePayloads.GB_DEVICE_ID);
        assertThat(sip.gb28181DeviceId()).isEqualTo(SamplePayloads.GB_DEVICE_ID);
    }

    @Test
    void shouldPickTheDeviceNotThePlatformFromAnInviteTheCameraReceives() {
        wrap(SamplePayloads.sipInvite());
        assertThat(sip.method()).isEqualTo("INVITE");
        assertThat(sip.fromUser()).isEqualTo(SamplePayloads.GB_PLATFORM_ID);
        assertThat(sip.requestUriUser()).isEqualTo(SamplePayloads.GB_DEVICE_ID);
        assertThat(sip.gb28181DeviceId()).isEqualTo(SamplePayloads.GB_DEVICE_ID);
    }

    @Test
    void shouldReadCompactFromAndToHeaders() {
        wrap(SamplePayloads.ascii("MESSAGE sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                + "f: <sip:34020000001320000007@3402000000>;tag=1\r\nt: <sip:34020000002000000001@3402000000>\r\n"
                + "l: 0\r\n\r\n"));
        assertThat(sip.fromUser()).isEqualTo("34020000001320000007");
        assertThat(sip.gb28181DeviceId()).isEqualTo("34020000001320000007");
    }

    @Test
    void shouldDropThePasswordOfAUserInfo() {
        wrap(SamplePayloads.ascii("REGISTER sip:registrar.example SIP/2.0\r\n"
                + "From: \"Cam\" <sip:cam1:hunter2@registrar.example>;tag=9\r\n"
                + "To: <sip:cam1@registrar.example>\r\n\r\n"));
        assertThat(sip.fromUser()).isEqualTo("cam1");
        assertThat(sip.gb28181DeviceId()).isNull();
    }

    @Test
    void shouldReadResponses() {
        wrap(SamplePayloads.ascii("SIP/2.0 401 Unauthorized\r\nFrom: <sip:34020000001320000001@3402000000>\r\n"
                + "WWW-Authenticate: Digest realm=\"3402000000\", nonce=\"abc\"\r\n\r\n"));
        assertThat(sip.isRequest()).isFalse();
        assertThat(sip.statusCode()).isEqualTo(401);
        assertThat(sip.method()).isNull();
        assertThat(sip.requestUriUser()).isNull();
        assertThat(sip.header("WWW-Authenticate", null)).startsWith("Digest realm=\"3402000000\"");
    }

    @Test
    void shouldNotTakeTwentyDigitsWithALetterForADeviceId() {
        wrap(SamplePayloads.ascii("REGISTER sip:x SIP/2.0\r\nFrom: <sip:3402000000132000000A@x>\r\n\r\n"));
        assertThat(sip.gb28181DeviceId()).isNull();
    }

    @Test
    void shouldRejectWhatIsNotSip() {
        byte[] http = SamplePayloads.httpGet("h", "/");
        assertThat(sip.wrap(Unpooled.wrappedBuffer(http), 0, http.length)).isEqualTo(SipRejection.BAD_START_LINE);
        byte[] status = SamplePayloads.ascii("SIP/2.0 20x OK\r\n\r\n");
        assertThat(sip.wrap(Unpooled.wrappedBuffer(status), 0, status.length)).isEqualTo(SipRejection.BAD_START_LINE);
    }

    private void wrap(byte[] bytes) {
        assertThat(sip.wrap(Unpooled.wrappedBuffer(bytes), 0, bytes.length)).isNull();
    }
}
