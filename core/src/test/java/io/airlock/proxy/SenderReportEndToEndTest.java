package io.airlock.proxy;

import io.airlock.sim.CameraSimulator;
import io.airlock.sim.Vendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The camera's RTCP sender reports reach the recorder in the recorder's terms: the SSRC its RTP carries, and an RTP
 * timestamp that is one of the recorder's own, so it can put wall-clock time on the pictures (RFC 3550 §6.4.1).
 */
class SenderReportEndToEndTest {

    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;

    @ParameterizedTest(name = "camera over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void shouldPassOnTheCamerasSenderReportsWithTheRecordersSsrcAndTimestamps(String cameraTransport) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (CameraSimulator sim = E2eHarness.camera(E2eHarness.freePort(), Vendor.HIKVISION);
                 E2eHarness.Proxy proxy = E2eHarness.proxy(E2eHarness.yaml(E2eHarness.freePort(),
                         sim.urls().get(0), cameraTransport)).awaitCameras(10_000);
                 RawRtspClient recorder = new RawRtspClient(proxy.runtime.server().port())) {
                recorder.playInterleaved(proxy.url());
                Set<Long> rtpSsrcs = new HashSet<>();
                Set<Long> rtpTimestamps = new HashSet<>();
                List<ByteBuffer> reports = new ArrayList<>();
                long deadline = System.nanoTime() + 3_500_000_000L;
                while (System.nanoTime() < deadline) {
                    byte[] f = recorder.frame();
                    assertThat(f).as("connection open").isNotNull();
                    ByteBuffer p = ByteBuffer.wrap(f, 1, f.length - 1).slice();
                    if (f[0] == 0) {
                        rtpTimestamps.add(p.getInt(4) & 0xFFFF_FFFFL);
                        rtpSsrcs.add(p.getInt(8) & 0xFFFF_FFFFL);
                    } else if (f[0] == 1) {
                        reports.add(p);
                    }
                }

                assertThat(reports).as("sender reports in 3.5 s (log: %s)", proxy.log()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(rtpSsrcs).hasSize(1);
                long now = System.currentTimeMillis() / 1000 + NTP_UNIX_OFFSET_SECONDS;
                for (ByteBuffer sr : reports) {
                    assertThat(sr.remaining()).as("the report alone: no blocks, no SDES").isEqualTo(28);
                    assertThat(sr.getShort(0)).as("V=2, RC=0, PT=SR").isEqualTo((short) 0x80C8);
                    assertThat(sr.getShort(2)).as("length in words - 1").isEqualTo((short) 6);
                    assertThat(sr.getInt(4) & 0xFFFF_FFFFL).as("SSRC").isEqualTo(rtpSsrcs.iterator().next());
                    assertThat(sr.getInt(8) & 0xFFFF_FFFFL).as("NTP seconds").isBetween(now - 10, now + 1);
                    assertThat(rtpTimestamps).as("the report's RTP time is a frame the recorder received")
                            .contains(sr.getInt(16) & 0xFFFF_FFFFL);
                    assertThat(sr.getInt(20)).as("packet count").isPositive();
                }
            }
        });
    }
}
