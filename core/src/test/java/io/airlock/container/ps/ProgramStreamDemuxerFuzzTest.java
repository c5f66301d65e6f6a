package io.airlock.container.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.codec.Codec;
import io.airlock.container.SplitFeeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes at arbitrary splits: no exception, PES start/end balanced, payload never exceeds the input. */
class ProgramStreamDemuxerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void demuxArbitraryBytesAtArbitrarySplits(FuzzedDataProvider data) {
        int[] splits = SplitFeeds.fuzzedSplits(data);
        check(data.consumeRemainingAsBytes(), splits);
    }

    /** Regression mode only runs the empty input; this drives the same target with mutated real streams. */
    @Test
    void shouldSurviveMutatedStreams() {
        byte[] valid = ProgramStreamDemuxerTest.smallStream();
        byte[] plain = new ProgramStreamMuxer(Codec.H265).maxPesPacket(40)
                .writeAccessUnit(ProgramStreamDemuxerTest.IDR, 0, true).toByteArray();
        SplittableRandom random = new SplittableRandom(2815);
        SplitFeeds.mutated(random, round -> (round & 1) == 0 ? valid : plain, ProgramStreamDemuxerFuzzTest::check);
        for (int round = 0; round < 500; round++) {
            byte[] noise = new byte[random.nextInt(400)];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : random.nextInt(3));
            }
            check(noise, new int[] {random.nextInt(noise.length + 1)});
        }
    }

    static void check(byte[] bytes, int[] splits) {
        RecordingPsListener l = new RecordingPsListener();
        ProgramStreamDemuxer d = new ProgramStreamDemuxer(l);
        SplitFeeds.feed(bytes, splits, d::feed);
        assertThat(d.skippedBytes()).isBetween(0L, (long) bytes.length);
        d.finish();
        assertThat(l.openPes).isZero();
        assertThat(l.maxOpenPes).isLessThanOrEqualTo(1);
        assertThat(l.pesStarts).isEqualTo(l.pesEnds);
        assertThat(l.video.size()).isLessThanOrEqualTo(bytes.length);
    }
}
