package io.airlock.proxy.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutstandingRequestTest {

    private final OutstandingRequest pending = new OutstandingRequest();

    @Test
    void shouldTakeOnlyTheReplyWithItsCseqOrACameraReplyWithoutOne() {
        assertThat(pending.answeredBy(1)).as("nothing sent yet").isFalse();
        int cseq = pending.begin("DESCRIBE", "rtsp://cam/", "Accept", "application/sdp");

        assertThat(pending.answeredBy(cseq + 1)).as("a stale or foreign CSeq").isFalse();
        assertThat(pending.answeredBy(-1)).as("no CSeq at all, as some cameras reply").isTrue();
        assertThat(pending.answeredBy(cseq)).isTrue();
        assertThat(pending.answered()).isEqualTo("DESCRIBE");
        assertThat(pending.waiting()).isFalse();
        assertThat(pending.answeredBy(cseq)).as("answered once only").isFalse();
    }

    @Test
    void shouldKeepWhatA401RetryResendsAndNumberEveryRequestOnce() {
        int first = pending.begin("DESCRIBE", "rtsp://cam/", "Accept", "application/sdp");
        pending.answered();
        assertThat(pending.uri()).isEqualTo("rtsp://cam/");
        assertThat(pending.extraName()).isEqualTo("Accept");
        assertThat(pending.extraValue()).isEqualTo("application/sdp");

        assertThat(pending.unanswered()).isEqualTo(first + 1);
        assertThat(pending.begin("DESCRIBE", pending.uri(), pending.extraName(), pending.extraValue()))
                .isEqualTo(first + 2);
    }
}
