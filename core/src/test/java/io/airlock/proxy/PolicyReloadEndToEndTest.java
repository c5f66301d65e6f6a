package io.airlock.proxy;

import io.airlock.config.ReloadResult;
import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A reloaded policy applies to what was already found: MED-02 fires once, at the first access unit, so setting it to
 * block afterwards must still stop the track, and setting it back to alert must let the track flow again.
 */
class PolicyReloadEndToEndTest {

    @Test
    void shouldBlockOnAFindingAlreadyRaisedAndResumeWhenThePolicyIsRelaxed() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC)) {
                String alert = E2eHarness.yaml(E2eHarness.freePort(), sim.urls().get(0), "tcp");
                String block = alert + "policy:\n  MED-02: block\n";
                try (E2eHarness.Proxy proxy = E2eHarness.proxy(alert).awaitCameras(10_000);
                     RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                    recorder.playInterleaved(proxy.url());
                    assertThat(packetsWithin(recorder, 1500)).isPositive();
                    assertThat(proxy.findings("MED-02")).isNotEmpty();

                    ReloadResult blocked = proxy.runtime.reload(E2eHarness.config(block, name -> null));

                    assertThat(blocked.changes()).containsExactly("policy MED-02: alert -> block",
                            "camera cam: policy blocks MED-02: stopped forwarding track(s) [0]");
                    packetsWithin(recorder, 300);
                    assertThat(packetsWithin(recorder, 1500)).as("packets while blocked").isZero();

                    ReloadResult relaxed = proxy.runtime.reload(E2eHarness.config(alert, name -> null));

                    assertThat(relaxed.changes()).containsExactly("policy MED-02: block -> alert",
                            "camera cam: policy no longer blocks; forwarding track(s) [0] again");
                    assertThat(packetsWithin(recorder, 1500)).as("packets once relaxed").isPositive();
                }
            }
        });
    }

    /** Packets received within {@code millis}; a read timing out means none came. */
    private static int packetsWithin(RawRtspClient recorder, long millis) throws IOException {
        try {
            return E2eHarness.Sequence.read(recorder, millis).seqs.size();
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }
}
