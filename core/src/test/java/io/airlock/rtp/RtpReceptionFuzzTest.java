package io.airlock.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jazzer target: reception statistics over arbitrary (sequence, timestamp, arrival) series from a hostile camera. */
class RtpReceptionFuzzTest {

    private static final int RECORD = 2 + 4 + 4;

    @FuzzTest
    void reception(byte[] data) {
        check(data);
    }

    @Test
    void shouldSurviveRandomSeries() {
        Random random = new Random(3550);
        for (int i = 0; i < 2_000; i++) {
            byte[] data = new byte[random.nextInt(40) * RECORD];
            random.nextBytes(data);
            check(data);
        }
    }

    /** Each 10 bytes: sequence (16 bits), timestamp (32), arrival step in µs (32, may run backwards). */
    static void check(byte[] data) {
        RtpReception r = new RtpReception();
        ByteBuffer in = ByteBuffer.wrap(data);
        long arrival = 0;
        long lastLost = 0;
        long lastReordered = 0;
        for (int n = 0; in.remaining() >= RECORD; n++) {
            if (n % 17 == 16) {
                r.restart(in.getInt(in.position()));
            }
            int seq = in.getShort() & 0xFFFF;
            long ts = in.getInt() & 0xFFFF_FFFFL;
            arrival += in.getInt() * 1_000L;
            r.onPacket(seq, ts, arrival);
            assertThat(r.lost()).isGreaterThanOrEqualTo(lastLost);
            assertThat(r.reordered()).isGreaterThanOrEqualTo(lastReordered);
            assertThat(r.jitter()).isNotNegative();
            assertThat(r.jitterSeconds()).isNotNegative().isFinite();
            lastLost = r.lost();
            lastReordered = r.reordered();
        }
    }
}
