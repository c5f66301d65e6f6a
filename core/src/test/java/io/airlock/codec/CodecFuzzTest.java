package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jazzer targets for the Annex B scanner, the length-prefixed splitter and the SEI reader. */
class CodecFuzzTest {

    @FuzzTest
    void annexBScannerAtAnySplit(byte[] data) {
        checkAnnexB(data);
    }

    @FuzzTest
    void seiReader(byte[] data) {
        checkSei(data);
    }

    @FuzzTest
    void lengthPrefixedSplitter(byte[] data) {
        checkSplitter(data);
    }

    @Test
    void shouldSurviveRandomInputs() {
        Random random = new Random(99);
        for (int i = 0; i < 5_000; i++) {
            byte[] data = new byte[random.nextInt(64)];
            for (int j = 0; j < data.length; j++) {
                int k = random.nextInt(6);
                data[j] = (byte) (k < 3 ? 0 : k == 3 ? 1 : k == 4 ? 3 : random.nextInt(256));
            }
            checkAnnexB(data);
            checkSei(data);
            checkSplitter(data);
            random.nextBytes(data);
            checkSei(data);
            checkSplitter(data);
        }
    }

    static void checkAnnexB(byte[] data) {
        if (data.length < 2) {
            return;
        }
        Codec codec = (data[0] & 1) == 0 ? Codec.H264 : Codec.H265;
        int split1 = (data[1] & 0xFF) % data.length;
        int split2 = split1 + (data.length - split1) / 2;
        RecordingListener whole = AnnexBScannerTest.scan(codec, data);
        RecordingListener parts = AnnexBScannerTest.scan(codec, data, split1, split2);
        assertThat(parts.events).isEqualTo(whole.events);
        assertThat(whole.starts).isEqualTo(whole.ends);
        assertThat(whole.annexB.size()).isLessThanOrEqualTo(data.length + whole.starts);
    }

    static void checkSei(byte[] data) {
        SeiReader sei = new SeiReader();
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        assertThat(sei.wrap(Codec.H264, buf, 0, data.length)).isNull();
        byte[] dst = new byte[32];
        int n = 0;
        while (sei.next()) {
            assertThat(sei.payloadSize()).isBetween(0, data.length);
            assertThat(sei.payloadOffsetEscaped()).isBetween(0, data.length);
            assertThat(sei.copyPayload(dst, 32)).isBetween(0, 32);
            assertThat(++n).isLessThanOrEqualTo(data.length);
        }
        assertThat(sei.next()).isFalse();
    }

    static void checkSplitter(byte[] data) {
        if (data.length < 1) {
            return;
        }
        int size = new int[] {1, 2, 4, 3}[data[0] & 3];
        Codec codec = (data[0] & 4) == 0 ? Codec.H264 : Codec.H265;
        RecordingListener out = new RecordingListener(codec.nalHeaderLength());
        new LengthPrefixedNalSplitter().split(size, codec, Unpooled.wrappedBuffer(data), 1, data.length - 1, 0, out);
        assertThat(out.starts).isEqualTo(out.ends);
        assertThat(out.open()).isFalse();
    }
}
