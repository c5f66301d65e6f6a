package io.airlock.rtsp.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestCredentialsTest {

    /** RFC 2617 §3.5 example: Mufasa / "Circle Of Life", qop=auth. */
    @Test
    void shouldReproduceTheRfc2617Example() {
        DigestCredentials c = new DigestCredentials("Mufasa", "Circle Of Life".toCharArray());
        String response = c.response(DigestAlgorithm.MD5, "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "GET", "/dir/index.html", "auth", "0a4f113b", 1);
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    /** RFC 7616 §3.9.1 example, SHA-256: Mufasa / "Circle of Life". */
    @Test
    void shouldReproduceTheRfc7616Sha256Example() {
        DigestCredentials c = new DigestCredentials("Mufasa", "Circle of Life".toCharArray());
        String response = c.response(DigestAlgorithm.SHA_256, "http-auth@example.org",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "GET", "/dir/index.html", "auth",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1);
        assertThat(response).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void shouldAnswerACameraChallengeWithoutQopAndVerifyIt() {
        DigestCredentials c = new DigestCredentials("admin", "s3cret-pass".toCharArray());
        String header = c.authorization(DigestAlgorithm.MD5, "Login to 5J0123PAZ0", "98481030", "DESCRIBE",
                "rtsp://192.0.2.20/cam/realmonitor?channel=1&subtype=0", null, null, 0, null);
        assertThat(header).startsWith("Digest username=\"admin\", realm=\"Login to 5J0123PAZ0\"")
                .doesNotContain("s3cret-pass").doesNotContain("qop");
        String response = header.replaceAll(".*response=\"([0-9a-f]+)\".*", "$1");
        assertThat(c.verify(DigestAlgorithm.MD5, "Login to 5J0123PAZ0", "98481030", "DESCRIBE",
                "rtsp://192.0.2.20/cam/realmonitor?channel=1&subtype=0", null, null, 0, response)).isTrue();
        assertThat(c.verify(DigestAlgorithm.MD5, "Login to 5J0123PAZ0", "98481030", "PLAY",
                "rtsp://192.0.2.20/cam/realmonitor?channel=1&subtype=0", null, null, 0, response)).isFalse();
    }

    @Test
    void shouldNeverShowThePassword() {
        DigestCredentials c = new DigestCredentials("admin", "s3cret-pass".toCharArray());
        assertThat(c.toString()).doesNotContain("s3cret-pass").contains("***");
        assertThat(DigestAlgorithm.byToken("sha-256")).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.byToken(null)).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.byToken("SHA-512-256")).isNull();
    }
}
