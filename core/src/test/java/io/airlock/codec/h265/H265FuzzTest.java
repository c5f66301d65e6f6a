package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.codec.RecordingListener;
import io.netty.buffer.ByteBuf;
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
            byte[] data = new byte[random.nextInt(200)];
            random.nextBytes(data);
            for (int j = 0; j < data.length; j += 1 + random.nextInt(20)) {
                data[j] = (byte) (random.nextBoolean() ? 0x62 : 0x60);
            }
            checkDepacketizer(data);
            checkSps(data);
        }
    }

    /** Bytes are read as [len u8][seq delta u8 (bit 7 = marker)][payload]... */
    static void checkDepacketizer(byte[] data) {
        H265Depacketizer depacketizer = new H265Depacketizer();
        RecordingListener out = new RecordingListener(2);
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        int seq = 0;
        int pos = 0;
        while (pos + 2 <= data.length) {
            int len = Math.min(data[pos] & 0xFF, data.length - pos - 2);
            int control = data[pos + 1] & 0xFF;
            seq = (seq + (control & 3)) & 0xFFFF;
            depacketizer.depacketize(seq, control >>> 4, (control & 0x80) != 0, buf, pos + 2, len, pos, out);
            pos += 2 + len;
        }
        depacketizer.flush();
        assertThat(out.open()).isFalse();
        assertThat(out.starts).isEqualTo(out.ends);
        assertThat(depacketizer.unitOpen()).isFalse();
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
