package io.airlock.codec.h264;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.codec.DepacketizerFuzz;
import io.airlock.codec.RecordingListener;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jazzer targets: the depacketizer over arbitrary packet sequences, and the SPS parser. */
class H264FuzzTest {

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
            byte[] data = DepacketizerFuzz.randomPackets(random, 0x7C, 0x18);
            checkDepacketizer(data);
            checkSps(data);
        }
    }

    static void checkDepacketizer(byte[] data) {
        H264Depacketizer depacketizer = new H264Depacketizer();
        RecordingListener out = new RecordingListener(1);
        DepacketizerFuzz.replay(data, depacketizer::depacketize, out);
        depacketizer.flush();
        DepacketizerFuzz.assertBalanced(out, depacketizer.unitOpen());
    }

    static void checkSps(byte[] data) {
        H264SpsParser sps = new H264SpsParser();
        byte[] nal = new byte[data.length + 1];
        nal[0] = H264Nal.SPS;
        System.arraycopy(data, 0, nal, 1, data.length);
        if (sps.parse(Unpooled.wrappedBuffer(nal), 0, nal.length) == null) {
            assertThat(sps.width()).isPositive();
            assertThat(sps.height()).isPositive();
            assertThat(sps.fps()).isNotNegative();
        }
    }
}
