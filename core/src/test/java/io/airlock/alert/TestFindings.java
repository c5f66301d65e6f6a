package io.airlock.alert;

/** Findings as the inspectors raise them, for the sink tests. */
public final class TestFindings {

    /** 2026-11-22T10:15:30.123456789Z in epoch nanoseconds. */
    public static final long FIRST_SEEN_NS = 1_795_342_530_123_456_789L;

    private TestFindings() {
    }

    /** An SEI 229 finding on a live camera track, with evidence. */
    public static Finding sei229(int n) {
        StreamIdentity s = new StreamIdentity("lobby", "192.0.2.10", 554, "10.0.0.9", 50_000 + n, "udp", 0,
                0x1a2b3c4dL);
        return new Finding(Rule.MED_02, Severity.MEDIUM, s, FIRST_SEEN_NS + n, 4096 + n)
                .summary("SEI payload type 229 (HiSilicon encoder) #" + n)
                .detail("payload_type", 229).detail("payload_size", 64).matched("e5 40 48 49 53 49");
    }

    /** A finding whose evidence holds {@code value} under {@code key}. */
    public static Finding withEvidence(String key, String value) {
        StreamIdentity s = new StreamIdentity("lobby", "192.0.2.10", 554, "10.0.0.9", 50_000, "tcp", -1, -1);
        return new Finding(Rule.RTSP_02, Severity.INFO, s, FIRST_SEEN_NS, -1).summary("vendor " + value)
                .detail(key, value);
    }
}
