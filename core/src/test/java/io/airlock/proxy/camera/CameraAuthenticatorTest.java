package io.airlock.proxy.camera;

import io.airlock.rtsp.auth.DigestAlgorithm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CameraAuthenticatorTest {

    final CameraAuthenticator auth = new CameraAuthenticator("admin", "pw".toCharArray());

    @Test
    void shouldTryANonceOnlyOnce() {
        final List<String> challenge = List.of("Digest realm=\"r\", nonce=\"n1\"");
        assertThat(auth.challenge(challenge)).isTrue();
        assertThat(auth.challenge(challenge)).isFalse();
        assertThat(auth.challenge(List.of("Digest realm=\"r\", nonce=\"n2\""))).isTrue();
    }

    @Test
    void shouldRetryTheSameNonceWhenStale() {
        assertThat(auth.challenge(List.of("Digest realm=\"r\", nonce=\"n1\""))).isTrue();
        assertThat(auth.challenge(List.of("Digest realm=\"r\", nonce=\"n1\", stale=TRUE"))).isTrue();
    }

    @Test
    void shouldPreferSha256ThenMd5ThenBasic() {
        assertThat(auth.challenge(List.of("Basic realm=\"r\", Digest realm=\"r\", nonce=\"a\", algorithm=SHA-256",
                "Digest realm=\"r\", nonce=\"b\""))).isTrue();
        assertThat(auth.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(auth.authorization("DESCRIBE", "rtsp://c/")).contains("algorithm=SHA-256", "nonce=\"a\"");
    }

    @Test
    void shouldIgnoreUnsupportedDigestAlgorithmsAndFallBackToBasic() {
        assertThat(auth.challenge(List.of("Digest realm=\"r\", nonce=\"a\", algorithm=MD5-sess",
                "Basic realm=\"r\""))).isTrue();
        assertThat(auth.scheme()).isEqualTo(CameraAuthenticator.Scheme.BASIC);
        assertThat(auth.challenge(List.of("Basic realm=\"r\""))).isFalse();
    }

    @Test
    void shouldNotRetryWithoutCredentialsOrOnGarbage() {
        assertThat(new CameraAuthenticator(null, null).challenge(List.of("Basic realm=\"r\""))).isFalse();
        assertThat(auth.challenge(List.of("\u0000\u0001 ,,, =\"", "Digest"))).isFalse();
        assertThat(auth.authorization("OPTIONS", "rtsp://c/")).isNull();
    }

    @Test
    void shouldCountNoncesWhenQopIsOffered() {
        auth.challenge(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth,auth-int\""));
        assertThat(auth.authorization("SETUP", "rtsp://c/t1")).contains("qop=auth", "nc=00000001");
        assertThat(auth.authorization("PLAY", "rtsp://c/")).contains("nc=00000002");
    }
}
