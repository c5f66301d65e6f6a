package io.airlock.container.dhav;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.codec.Codec;
import io.airlock.container.SplitFeeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes at arbitrary splits: no exception, frame start/end balanced, payload never exceeds the input. */
class DhavDemuxerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void demuxArbitraryBytesAtArbitrarySplits(FuzzedDataProvider data) {
        int[] splits = SplitFeeds.fuzzedSplits(data);
        check(data.consumeRemainingAsBytes(), splits);
    }

    /** Regression mode only runs the empty input; this drives the same target with mutated real streams. */
    @Test
    void shouldSurviveMutatedStreams() {
        byte[] valid = new DhavWriter().unknownExtension(0x9C)
                .videoFrame(DhavDemuxerTest.IDR, true, Codec.H264, 704, 576, 25)
                .assistantFrame(DhavDemuxerTest.AUX).videoFrame(DhavDemuxerTest.P, false, Codec.H264, 704, 576, 25)
                .toByteArray();
        SplitFeeds.mutated(new SplittableRandom(5011), round -> valid, DhavDemuxerFuzzTest::check);
    }

    static void check(byte[] bytes, int[] splits) {
        RecordingDhavListener l = new RecordingDhavListener();
        DhavDemuxer d = new DhavDemuxer(l);
        SplitFeeds.feed(bytes, splits, d::feed);
        assertThat(d.skippedBytes()).isBetween(0L, (long) bytes.length);
        d.finish();
        assertThat(l.open).isZero();
        assertThat(l.maxOpen).isLessThanOrEqualTo(1);
        assertThat(l.video.size()).isLessThanOrEqualTo(bytes.length);
    }
}
