package io.airlock.rtsp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticateHeaderTest {

    @Test
    void shouldParseLongseDigestChallenge() {
        final AuthenticateHeader a = new AuthenticateHeader();
        assertThat(a.parse("Digest realm=\"Surveillance Server\", nonce=\"98481030\"")).isNull();
        assertThat(a.challengeCount()).isEqualTo(1);
        assertThat(a.scheme(0)).isEqualTo("Digest");
        assertThat(a.realm(0)).isEqualTo("Surveillance Server");
        assertThat(a.nonce(0)).isEqualTo("98481030");
        assertThat(a.stale(0)).isFalse();
    }

    @Test
    void shouldParseSeveralChallengesInOneValue() {
        final AuthenticateHeader a = new AuthenticateHeader();
        assertThat(a.parse("Digest realm=\"Login to 4L0123PAZ\", nonce=\"abc\", algorithm=MD5, qop=\"auth\", "
                + "opaque=\"x\\\"y\", stale=TRUE, Basic realm=\"Login to 4L0123PAZ\"")).isNull();
        assertThat(a.challengeCount()).isEqualTo(2);
        assertThat(a.isDigest(0)).isTrue();
        assertThat(a.algorithm(0)).isEqualTo("MD5");
        assertThat(a.qop(0)).isEqualTo("auth");
        assertThat(a.opaque(0)).isEqualTo("x\"y");
        assertThat(a.stale(0)).isTrue();
        assertThat(a.isBasic(1)).isTrue();
        assertThat(a.realm(1)).isEqualTo("Login to 4L0123PAZ");
    }

    @Test
    void shouldRejectUnterminatedQuotedString() {
        final AuthenticateHeader a = new AuthenticateHeader();
        assertThat(a.parse("Digest realm=\"open")).isEqualTo(RtspRejection.BAD_AUTHENTICATE);
        assertThat(a.challengeCount()).isZero();
        assertThat(a.parse("")).isEqualTo(RtspRejection.BAD_AUTHENTICATE);
        assertThat(a.parse("\"x\"")).isEqualTo(RtspRejection.BAD_AUTHENTICATE);
    }

    @Test
    void shouldRejectTooManyChallenges() {
        assertThat(new AuthenticateHeader().parse("Basic a=1, ".repeat(9)))
                .isEqualTo(RtspRejection.TOO_MANY_CHALLENGES);
    }
}
