package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code policy: MED-02: block}: once the camera's video shows an undefined SEI payload type, Airlock stops
 * forwarding that track; without the policy line the same stream keeps flowing.
 */
class PolicyBlockEndToEndTest {

    @Test
    void shouldStopForwardingATrackOnceABlockedRuleFires() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                         sim.urls().get(0), "tcp") + "policy:\n  MED-02: block\n").awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                recorder.playInterleaved(proxy.url());
                // The clip's first access unit carries SEI 229: the finding, and the block, come at once.
                packetsWithin(recorder, 1500);
                assertThat(proxy.findings("MED-02")).isNotEmpty();
                assertThat(packetsWithin(recorder, 1500)).as("packets after the block").isZero();
                assertThat(proxy.log()).contains("policy blocks MED-02");
            }
        });
    }

    /** Packets received within {@code millis}; a read timing out means none came. */
    private static int packetsWithin(RawRtspClient recorder, long millis) throws java.io.IOException {
        try {
            return E2eHarness.Sequence.read(recorder, millis).seqs.size();
        } catch (java.net.SocketTimeoutException e) {
            return 0;
        }
    }

    @Test
    void shouldKeepForwardingWhenThePolicyOnlyAlerts() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                         sim.urls().get(0), "tcp")).awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                recorder.playInterleaved(proxy.url());
                E2eHarness.Sequence.read(recorder, 1500);
                assertThat(proxy.findings("MED-02")).isNotEmpty();
                assertThat(E2eHarness.Sequence.read(recorder, 1500).seqs).isNotEmpty();
            }
        });
    }
}
