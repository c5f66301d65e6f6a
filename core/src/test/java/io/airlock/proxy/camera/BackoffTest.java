package io.airlock.proxy.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void shouldDoubleFromOneSecondAndCapAtThirtySeconds() {
        final Backoff b = new Backoff();
        long now = 0;
        final long[] delays = new long[8];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = b.nextDelay(now);
            now += delays[i];
        }
        assertThat(delays).containsExactly(1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000);
    }

    @Test
    void shouldResetAfterASessionStayedUpThirtySeconds() {
        final Backoff b = new Backoff();
        b.nextDelay(0);
        b.nextDelay(1_000);
        b.nextDelay(3_000);
        b.sessionUp(7_000);
        assertThat(b.nextDelay(37_000)).isEqualTo(1_000);
    }

    @Test
    void shouldKeepGrowingWhenASessionDroppedBeforeThirtySeconds() {
        final Backoff b = new Backoff();
        b.nextDelay(0);
        b.nextDelay(1_000);
        b.sessionUp(3_000);
        assertThat(b.nextDelay(32_999)).isEqualTo(4_000);
    }

    @Test
    void shouldNeverOverflowAfterManyFailures() {
        final Backoff b = new Backoff(1, Long.MAX_VALUE, 30_000);
        long last = 0;
        for (int i = 0; i < 200; i++) {
            last = b.nextDelay(i);
        }
        assertThat(last).isPositive().isEqualTo(1L << 30);
    }

    @Test
    void shouldRefuseANonPositiveBase() {
        assertThatThrownBy(() -> new Backoff(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
