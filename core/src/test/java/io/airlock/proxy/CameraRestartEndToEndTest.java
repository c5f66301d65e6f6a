package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The camera goes away and comes back on the same port; a recorder that never reconnected carries on. */
class CameraRestartEndToEndTest {

    @Test
    void shouldResumeSameSsrcAndContinuousSequenceForARecorderThatNeverReconnected() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            int cameraPort = E2eHarness.freePort();
            CameraSimulator sim = E2eHarness.camera(cameraPort, Vendor.HIKVISION);
            try (E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                    sim.urls().get(0), "tcp")).awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                recorder.playInterleaved(proxy.url());
                E2eHarness.Sequence before = E2eHarness.Sequence.read(recorder, 1500);
                assertThat(before.seqs).as("packets before the restart").isNotEmpty();
                assertThat(before.gaps).as("before the restart: %s", before).isZero();

                sim.close();
                sim = restart(cameraPort);
                recorder.socket.setSoTimeout(12_000);
                E2eHarness.Sequence after = E2eHarness.Sequence.read(recorder, 6000);
                assertThat(after.seqs.size()).as("packets after the camera came back (log: %s)", proxy.log())
                        .isGreaterThan(25);
                assertThat(new HashSet<>(after.ssrcs)).as("SSRC after the restart")
                        .containsExactly(before.ssrcs.get(0));
                int last = before.seqs.get(before.seqs.size() - 1);
                int next = after.seqs.get(0);
                // Packets in flight while the old session was closing may arrive: the stream may only move forward.
                assertThat((next - last) & 0xFFFF).as("sequence step across the restart").isBetween(1, 100);
                assertThat(after.gaps).as("after the restart: %s", after).isZero();
                assertThat(proxy.log()).as("the loss, told once per line with the camera named once")
                        .containsPattern("airlock: camera cam: camera closed the connection while playing; retrying in "
                                + "\\d+\\.\\d s")
                        .doesNotContain("camera cam: camera cam:");
            } finally {
                sim.close();
            }
        });
    }

    /** A new simulator on {@code port}; retries while the old listening socket lingers. */
    private static CameraSimulator restart(int port) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return E2eHarness.camera(port, Vendor.HIKVISION);
            } catch (RuntimeException e) {
                if (attempt >= 20) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
