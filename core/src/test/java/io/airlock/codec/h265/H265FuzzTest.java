package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.codec.DepacketizerFuzz;
import io.airlock.codec.RecordingListener;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jazzer targets: the depacketizer over arbitrary packet sequences, and the SPS parser. */
class H265FuzzTest {

    @FuzzTest
    void depacketizer(byte[] data) {
        checkDepacketizer(data);
    }

    @FuzzTest
    void spsParser(byte[] data) {
        checkSps(data);
    }

    @Test
    void shouldSurviveRandomPacketSequences() {
        Random random = new Random(5);
        for (int i = 0; i < 3_000; i++) {
            byte[] data = DepacketizerFuzz.randomPackets(random, 0x62, 0x60);
            checkDepacketizer(data);
            checkSps(data);
        }
    }

    static void checkDepacketizer(byte[] data) {
        H265Depacketizer depacketizer = new H265Depacketizer();
        RecordingListener out = new RecordingListener(2);
        DepacketizerFuzz.replay(data, depacketizer::depacketize, out);
        depacketizer.flush();
        DepacketizerFuzz.assertBalanced(out, depacketizer.unitOpen());
    }

    static void checkSps(byte[] data) {
        H265SpsParser sps = new H265SpsParser();
        byte[] nal = new byte[data.length + 2];
        nal[0] = (byte) (H265Nal.SPS_NUT << 1);
        nal[1] = 1;
        System.arraycopy(data, 0, nal, 2, data.length);
        if (sps.parse(Unpooled.wrappedBuffer(nal), 0, nal.length) == null) {
            assertThat(sps.width()).isPositive();
            assertThat(sps.height()).isPositive();
            assertThat(sps.fps()).isNotNegative();
        }
    }
}
