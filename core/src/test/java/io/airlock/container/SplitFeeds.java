package io.airlock.container;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/** Test helper for the streaming demuxers' fuzz targets: input cut at arbitrary points, and mutated valid streams. */
public final class SplitFeeds {

    public static final int MAX_SPLITS = 8;

    /** A demuxer's {@code feed(buf, off, len, sourceOffset)}. */
    @FunctionalInterface
    public interface Feed {
        void feed(ByteBuf buf, int off, int len, long sourceOffset);
    }

    private SplitFeeds() {
    }

    /** Up to {@link #MAX_SPLITS} split points drawn from the fuzzer. */
    public static int[] fuzzedSplits(FuzzedDataProvider data) {
        int[] splits = new int[data.consumeInt(0, MAX_SPLITS)];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = data.consumeInt(0, 1 << 16);
        }
        return splits;
    }

    /** Feeds all of {@code bytes}, cut at {@code splits} (clamped to the input, in order). */
    public static void feed(byte[] bytes, int[] splits, Feed target) {
        int[] points = splits.clone();
        for (int i = 0; i < points.length; i++) {
            points[i] = Math.min(points[i], bytes.length);
        }
        Arrays.sort(points);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        int from = 0;
        for (int p : points) {
            target.feed(buf, from, p - from, from);
            from = p;
        }
        target.feed(buf, from, bytes.length - from, from);
    }

    /**
     * Runs {@code check} 3000 times on {@code source.apply(round)}, each copy with 1-6 random bytes overwritten,
     * every 7th truncated, and cut at random points.
     */
    public static void mutated(SplittableRandom random, IntFunction<byte[]> source, BiConsumer<byte[], int[]> check) {
        for (int round = 0; round < 3000; round++) {
            byte[] input = source.apply(round).clone();
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
            check.accept(input, splits);
        }
    }
}
