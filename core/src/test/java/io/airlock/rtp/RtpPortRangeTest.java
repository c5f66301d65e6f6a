package io.airlock.rtp;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RtpPortRangeTest {

    @Test
    void shouldPairEvenRtpPortsWithTheOddPortAboveInsideTheRange() {
        final RtpPortRange r = new RtpPortRange(30_000, 30_999);
        assertThat(r.firstEven()).isEqualTo(30_000);
        assertThat(r.pairs()).isEqualTo(500);
        assertThat(r.rtpPort(0, 0)).isEqualTo(30_000);
        assertThat(r.rtpPort(499, 0)).isEqualTo(30_998);
        assertThat(r.rtpPort(499, 1)).as("wraps to the first pair").isEqualTo(30_000);
    }

    @Test
    void shouldSkipAnOddFirstPortAndAnUnpairedLastPort() {
        final RtpPortRange r = new RtpPortRange(5_001, 5_006);
        assertThat(r.firstEven()).isEqualTo(5_002);
        assertThat(r.pairs()).as("5002-5003, 5004-5005; 5006 has no RTCP port").isEqualTo(2);
    }

    @Test
    void shouldHoldNoPairWhenTheRangeIsTooSmallOrUpsideDown() {
        assertThat(new RtpPortRange(5_001, 5_002).pairs()).isZero();
        assertThat(new RtpPortRange(6_000, 5_000).pairs()).isZero();
        assertThat(new RtpPortRange(6_000, 6_000).randomStart()).isZero();
        assertThat(new RtpPortRange(65_534, 70_000).pairs()).as("never past 65535").isEqualTo(1);
    }

    @Test
    void shouldTryEveryPairOnceFromAnyStartButNoMoreThanTheBound() {
        final RtpPortRange r = new RtpPortRange(40_000, 40_019);
        assertThat(r.attempts(32)).isEqualTo(10);
        assertThat(r.attempts(4)).isEqualTo(4);
        final int start = r.randomStart();
        assertThat(start).isBetween(0, 9);
        final Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < r.attempts(32); i++) {
            final int p = r.rtpPort(start, i);
            assertThat(p % 2).isZero();
            assertThat(p).isBetween(40_000, 40_018);
            ports.add(p);
        }
        assertThat(ports).hasSize(10);
    }
}
