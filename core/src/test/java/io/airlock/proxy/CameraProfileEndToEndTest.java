package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A camera with a second stream: served at {@code /<camera>} and {@code /<camera>/<profile>}, each its own session. */
class CameraProfileEndToEndTest {

    @Test
    void shouldServeEachProfileAtItsOwnPath() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (CameraSimulator sim = E2eHarness.camera(0, Vendor.GENERIC)) {
                String yaml = E2eHarness.yaml(E2eHarness.freePort(), sim.urls().get(0), "tcp")
                        .replace("    recorders: [local]\n", "    recorders: [local]\n    profiles:\n      sub: "
                                + sim.urls().get(0) + "\n");
                try (E2eHarness.Proxy proxy = E2eHarness.proxy(yaml).awaitCameras(10_000);
                     RawRtspClient main = new RawRtspClient(proxy.runtime.server().port());
                     RawRtspClient sub = new RawRtspClient(proxy.runtime.server().port())) {
                    assertThat(proxy.runtime.urls()).hasSize(2);
                    String subUrl = proxy.runtime.urls().get(1);
                    assertThat(subUrl).endsWith("/cam/sub");
                    main.playInterleaved(proxy.url());
                    sub.playInterleaved(subUrl);
                    assertThat(E2eHarness.Sequence.read(sub, 1500).seqs).as("packets on /cam/sub").isNotEmpty();
                    assertThat(E2eHarness.Sequence.read(main, 1500).seqs).as("packets on /cam").isNotEmpty();
                }
            }
        });
    }
}
