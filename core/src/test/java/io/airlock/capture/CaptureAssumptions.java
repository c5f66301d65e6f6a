package io.airlock.capture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Skips live-capture tests, with the reason, where they cannot run. */
final class CaptureAssumptions {

    private static final long CAP_NET_RAW = 1L << 13;

    private CaptureAssumptions() {
    }

    static void assumeCanCapture() {
        assumeTrue(Libpcap.loadFailure() == null,
                "libpcap is not installed (apt-get install libpcap0.8): skipping live capture test");
        assumeTrue(hasNetRaw(), "this JVM lacks CAP_NET_RAW (run the tests as root): skipping live capture test");
    }

    private static boolean hasNetRaw() {
        try {
            String hex = LiveCaptureProbe.effectiveCapabilities();
            return !"unknown".equals(hex) && (Long.parseUnsignedLong(hex, 16) & CAP_NET_RAW) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
