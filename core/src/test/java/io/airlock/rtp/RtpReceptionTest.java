package io.airlock.rtp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class RtpReceptionTest {

    private static final long FRAME_NS = 40_000_000L;
    private static final long FRAME_TICKS = 3600;

    private final RtpReception reception = new RtpReception();

    @Test
    void shouldCountNothingForAStreamInOrderAcrossTheSequenceWrap() {
        for (int i = 0; i < 20; i++) {
            reception.onPacket(65_530 + i, i * FRAME_TICKS, i * FRAME_NS);
        }
        assertThat(reception.lost()).isZero();
        assertThat(reception.reordered()).isZero();
        assertThat(reception.jitter()).isZero();
    }

    @Test
    void shouldCountTheSequenceNumbersSkippedAsLost() {
        feed(65_530, 65_531, 65_534, 65_535, 2);
        assertThat(reception.lost()).as("65532, 65533, then 0 and 1 across the wrap").isEqualTo(4);
        assertThat(reception.reordered()).isZero();
    }

    @Test
    void shouldCountALatePacketAsReorderedSoThatLostMinusReorderedIsTheA3CumulativeLoss() {
        feed(1, 2, 4, 3, 5, 6);
        assertThat(reception.lost()).isEqualTo(1);
        assertThat(reception.reordered()).isEqualTo(1);
        assertThat(reception.lost() - reception.reordered()).as("expected - received").isZero();
    }

    @Test
    void shouldCountADuplicateAsReordered() {
        feed(10, 11, 11, 12);
        assertThat(reception.reordered()).isEqualTo(1);
        assertThat(reception.lost()).isZero();
    }

    @Test
    void shouldBelieveAJumpOnlyWhenTheNextPacketFollowsIt() {
        feed(10, 11, 30_000, 12, 13);
        assertThat(reception.lost()).as("one stray packet far off is ignored").isZero();
        feed(40_000, 40_001, 40_002, 40_004);
        assertThat(reception.lost()).as("the jump is taken on 40001, then 40003 is missing").isEqualTo(1);
        assertThat(reception.reordered()).isZero();
    }

    @Test
    void shouldKeepCountingAcrossARestartWithoutTakingTheNewBaseAsLoss() {
        feed(1, 2, 4);
        reception.restart(90_000);
        feed(50_000, 50_001, 50_003);
        assertThat(reception.lost()).isEqualTo(2);
    }

    @Test
    void shouldFindNoJitterWhenFramesArriveAsTheirTimestampsSayAcrossTheTimestampWrap() {
        long start = 0xFFFF_FFFFL - 5 * FRAME_TICKS;
        for (int i = 0; i < 50; i++) {
            reception.onPacket(i, (start + i * FRAME_TICKS) & 0xFFFF_FFFFL, 1_000_000_000L + i * FRAME_NS);
        }
        assertThat(reception.jitter()).isZero();
    }

    @Test
    void shouldIgnoreTheBurstOfPacketsOfOneFrame() {
        int seq = 0;
        for (int frame = 0; frame < 50; frame++) {
            for (int p = 0; p < 10; p++) {
                // Ten packets per frame, sent 1 ms apart, all with the frame's timestamp.
                reception.onPacket(seq++, frame * FRAME_TICKS, frame * FRAME_NS + p * 1_000_000L);
            }
        }
        assertThat(reception.jitter()).isZero();
    }

    @Test
    void shouldEstimateJitterAsRfc3550A8Does() {
        // Every other frame arrives 10 ms late: |D| is 900 ticks on every frame after the first.
        double reference = 0;
        int lastTransit = 0;
        for (int i = 0; i < 200; i++) {
            long arrival = i * FRAME_NS + (i % 2 == 1 ? 10_000_000L : 0);
            reception.onPacket(i, i * FRAME_TICKS, arrival);
            int transit = (int) (arrival * 90_000 / 1_000_000_000L - i * FRAME_TICKS);
            if (i > 0) {
                reference += (Math.abs(transit - lastTransit) - reference) / 16;
            }
            lastTransit = transit;
        }
        assertThat(reference).isCloseTo(900, offset(1.0));
        assertThat((double) reception.jitter()).isCloseTo(reference, offset(1.0));
        assertThat(reception.jitterSeconds()).isCloseTo(0.01, offset(0.0002));
    }

    @Test
    void shouldReportJitterInSecondsOfTheTracksClock() {
        reception.restart(8_000);
        for (int i = 0; i < 200; i++) {
            // 20 ms audio packets (160 ticks at 8 kHz), every other one 5 ms late.
            reception.onPacket(i, i * 160L, i * 20_000_000L + (i % 2 == 1 ? 5_000_000L : 0));
        }
        assertThat(reception.jitter()).isBetween(38L, 40L);
        assertThat(reception.jitterSeconds()).isCloseTo(0.005, offset(0.0002));
    }

    private void feed(int... sequence) {
        for (int seq : sequence) {
            reception.onPacket(seq, 0, 0);
        }
    }
}
