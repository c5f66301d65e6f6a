package io.airlock.container.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arbitrary extradata never throws; accepted spans stay inside the input; probe never throws. */
class DecoderConfigurationFuzzTest {

    private final AvcDecoderConfiguration avc = new AvcDecoderConfiguration();
    private final HevcDecoderConfiguration hevc = new HevcDecoderConfiguration();

    @FuzzTest
    void fuzzDecoderConfigurations(byte[] data) {
        check(data);
    }

    @Test
    void shouldSurviveSeededRandomRecords() {
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            byte[] data = new byte[random.nextInt(96)];
            random.nextBytes(data);
            if (data.length > 0 && random.nextBoolean()) {
                data[0] = 1;
            }
            check(data);
        }
    }

    private void check(byte[] data) {
        // Offset 3 into a larger buffer catches absolute-index mistakes.
        byte[] framed = new byte[data.length + 5];
        System.arraycopy(data, 0, framed, 3, data.length);
        ByteBuf buf = Unpooled.wrappedBuffer(framed);
        Rejection r = avc.wrap(buf, 3, data.length);
        assertInvariants(r, avc.parameterSets(), avc.nalLengthSize(), data.length);
        r = hevc.wrap(buf, 3, data.length);
        assertInvariants(r, hevc.parameterSets(), hevc.nalLengthSize(), data.length);
        ContainerDemuxer.probe(buf, 3, data.length);
    }

    private static void assertInvariants(Rejection r, ParameterSetSpans spans, int nalLengthSize, int length) {
        if (r != null) {
            assertThat(r.layer()).isEqualTo(Layer.CONTAINER);
            assertThat(nalLengthSize).isZero();
            return;
        }
        assertThat(nalLengthSize).isBetween(0, 4);
        assertThat(spans.count()).isBetween(0, ParameterSetSpans.MAX_PARAMETER_SETS);
        for (int i = 0; i < spans.count(); i++) {
            assertThat(spans.length(i)).isPositive();
            assertThat(spans.offset(i)).isGreaterThanOrEqualTo(3);
            assertThat((long) spans.offset(i) + spans.length(i)).isLessThanOrEqualTo(3L + length);
        }
    }
}
