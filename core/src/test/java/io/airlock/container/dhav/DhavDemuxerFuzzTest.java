package io.airlock.container.dhav;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes at arbitrary splits: no exception, frame start/end balanced, payload never exceeds the input. */
class DhavDemuxerFuzzTest {

    private static final int MAX_SPLITS = 8;

    @FuzzTest(maxDuration = "60s")
    void demuxArbitraryBytesAtArbitrarySplits(FuzzedDataProvider data) {
        int[] splits = new int[data.consumeInt(0, MAX_SPLITS)];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = data.consumeInt(0, 1 << 16);
        }
        check(data.consumeRemainingAsBytes(), splits);
    }

    /** Regression mode only runs the empty input; this drives the same target with mutated real streams. */
    @Test
    void shouldSurviveMutatedStreams() {
        byte[] valid = new DhavWriter().unknownExtension(0x9C)
                .videoFrame(DhavDemuxerTest.IDR, true, Codec.H264, 704, 576, 25)
                .assistantFrame(DhavDemuxerTest.AUX).videoFrame(DhavDemuxerTest.P, false, Codec.H264, 704, 576, 25)
                .toByteArray();
        SplittableRandom random = new SplittableRandom(5011);
        for (int round = 0; round < 3000; round++) {
            byte[] input = valid.clone();
            int mutations = 1 + random.nextInt(6);
            for (int m = 0; m < mutations; m++) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            if (round % 7 == 0) {
                input = Arrays.copyOf(input, random.nextInt(input.length + 1));
            }
            int[] splits = new int[random.nextInt(MAX_SPLITS)];
            for (int i = 0; i < splits.length; i++) {
                splits[i] = random.nextInt(input.length + 1);
            }
            check(input, splits);
        }
    }

    static void check(byte[] bytes, int[] splits) {
        int[] points = splits.clone();
        for (int i = 0; i < points.length; i++) {
            points[i] = Math.min(points[i], bytes.length);
        }
        Arrays.sort(points);
        RecordingDhavListener l = new RecordingDhavListener();
        DhavDemuxer d = new DhavDemuxer(l);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        int from = 0;
        for (int p : points) {
            d.feed(buf, from, p - from, from);
            from = p;
        }
        d.feed(buf, from, bytes.length - from, from);
        assertThat(d.skippedBytes()).isBetween(0L, (long) bytes.length);
        d.finish();
        assertThat(l.open).isZero();
        assertThat(l.maxOpen).isLessThanOrEqualTo(1);
        assertThat(l.video.size()).isLessThanOrEqualTo(bytes.length);
    }
}
