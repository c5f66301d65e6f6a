package io.airlock.proxy.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveTest {

    @Test
    void shouldKeepAliveAtHalfTheCamerasSessionTimeoutWhenThatIsSooner() {
        KeepAlive k = new KeepAlive(30_000);
        k.sessionTimeout(60);
        assertThat(k.intervalMs()).isEqualTo(30_000);
        k.sessionTimeout(10);
        assertThat(k.intervalMs()).isEqualTo(5_000);
        k.sessionTimeout(0);
        assertThat(k.intervalMs()).as("no timeout announced").isEqualTo(5_000);
    }

    @Test
    void shouldNeverKeepAliveFasterThanTheFloor() {
        assertThat(new KeepAlive(0).intervalMs()).isEqualTo(KeepAlive.MIN_INTERVAL_MS);
    }

    @Test
    void shouldFallBackToOptionsWhenGetParameterIsRefusedOrNotOffered() {
        KeepAlive k = new KeepAlive(1_000);
        assertThat(k.method()).isEqualTo("GET_PARAMETER");
        assertThat(k.replied("GET_PARAMETER", 501)).isNull();
        assertThat(k.method()).isEqualTo("OPTIONS");

        KeepAlive notOffered = new KeepAlive(1_000);
        notOffered.offered(false);
        assertThat(notOffered.method()).isEqualTo("OPTIONS");
    }

    @Test
    void shouldReportTheSessionLostOn454() {
        KeepAlive k = new KeepAlive(1_000);
        assertThat(k.replied("GET_PARAMETER", 454)).isEqualTo("camera forgot the session (454 Session Not Found)");
        assertThat(k.replied("GET_PARAMETER", 200)).isNull();
        assertThat(k.method()).isEqualTo("GET_PARAMETER");
    }
}
