package io.airlock.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clip-building helpers shared by {@link CameraStream} and the proxy load tool (setup only, allocates freely):
 * splitting a recorded Annex B stream into NAL units, and growing a recorded slice into a synthetic one of any size.
 */
public final class SyntheticSlices {

    /** Bytes of the recorded slice kept at the front, so a synthetic slice opens with a real slice header. */
    public static final int SLICE_HEADER_BYTES = 6;

    private SyntheticSlices() {
    }

    /**
     * A {@code size}-byte slice: the recording's slice header, then non-zero noise (so no start code can be emulated),
     * then a stop bit.
     */
    public static byte[] slice(byte[] recorded, int size, SplittableRandom random) {
        byte[] nal = new byte[size];
        int head = Math.min(SLICE_HEADER_BYTES, recorded.length);
        System.arraycopy(recorded, 0, nal, 0, head);
        for (int i = head; i < size - 1; i++) {
            nal[i] = (byte) (1 + random.nextInt(255));
        }
        nal[size - 1] = (byte) 0x80;
        return nal;
    }

    /** NAL units (header included, still escaped) of an Annex B stream; trailing zero bytes trimmed. */
    public static List<byte[]> nals(byte[] s) {
        List<byte[]> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < s.length) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                if (start >= 0) {
                    out.add(trimmed(s, start, i));
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            out.add(trimmed(s, start, s.length));
        }
        return out;
    }

    private static byte[] trimmed(byte[] s, int from, int to) {
        int end = to;
        while (end > from && s[end - 1] == 0) {
            end--;
        }
        byte[] nal = new byte[end - from];
        System.arraycopy(s, from, nal, 0, nal.length);
        return nal;
    }
}
