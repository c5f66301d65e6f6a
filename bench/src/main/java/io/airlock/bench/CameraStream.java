package io.airlock.bench;

import io.airlock.codec.Codec;
import io.airlock.rtp.H264Packetizer;
import io.airlock.rtp.H265Packetizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the RTP packets of a camera stream once, for benchmarks and the load tool (allocates freely: setup only).
 *
 * <p>{@code recording}: the committed 320x240 Annex B recording, packetized as is (mostly single NAL unit packets).
 * {@code camera1080p}: what a 1080p camera sends at 25 fps with a keyframe every 2 s: the recording's parameter sets
 * (and SEI) before each ~100 KB IDR, then ~8 KB P slices, each slice opening with the recording's real slice header
 * and filled with non-zero noise (no start-code emulation), packetized at MTU 1400: mostly FU-A / FU packets.
 */
public final class CameraStream {

    public static final int MTU = 1400;
    public static final int PAYLOAD_TYPE = 96;
    public static final long SSRC = 0x1234_5678L;
    public static final int TICKS_PER_FRAME = 90_000 / 25;
    private static final int GOP_FRAMES = 50;
    private static final int GOPS = 2;
    private static final int IDR_BYTES = 100_000;
    private static final int P_BYTES = 8_000;

    private CameraStream() {
    }

    /** RTP packets, each a whole datagram payload (12-byte header first), timestamps from 0. */
    public static List<byte[]> packets(Codec codec, String kind) {
        List<List<byte[]>> units = accessUnits(codec, BenchFiles.read(recording(codec)));
        if ("camera1080p".equals(kind)) {
            units = camera1080p(codec, units);
        } else if (!"recording".equals(kind)) {
            throw new IllegalArgumentException("unknown stream kind " + kind);
        }
        List<byte[]> packets = new ArrayList<>();
        H264Packetizer p264 = new H264Packetizer(MTU, SSRC, PAYLOAD_TYPE, 0);
        H265Packetizer p265 = new H265Packetizer(MTU, SSRC, PAYLOAD_TYPE, 0);
        long ts = 0;
        for (List<byte[]> au : units) {
            for (int i = 0; i < au.size(); i++) {
                boolean last = i == au.size() - 1;
                packets.addAll(codec == Codec.H265 ? p265.packetize(au.get(i), ts, last)
                        : p264.packetize(au.get(i), ts, last));
            }
            ts += TICKS_PER_FRAME;
        }
        return packets;
    }

    /** Frames in {@link #packets}, for the loop length in timestamp ticks. */
    public static int frames(Codec codec, String kind) {
        return "camera1080p".equals(kind) ? GOP_FRAMES * GOPS
                : accessUnits(codec, BenchFiles.read(recording(codec))).size();
    }

    public static String recording(Codec codec) {
        return codec == Codec.H265 ? "h265/x265-clean.h265" : "h264/openh264-clean.h264";
    }

    private static List<List<byte[]>> camera1080p(Codec codec, List<List<byte[]>> recorded) {
        List<byte[]> keyPrefix = new ArrayList<>();
        byte[] idrSlice = null;
        byte[] pSlice = null;
        for (List<byte[]> au : recorded) {
            for (byte[] nal : au) {
                if (!isVcl(codec, nal)) {
                    if (idrSlice == null) {
                        keyPrefix.add(nal);
                    }
                } else if (isKey(codec, nal)) {
                    idrSlice = idrSlice == null ? nal : idrSlice;
                } else {
                    pSlice = pSlice == null ? nal : pSlice;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        List<List<byte[]>> units = new ArrayList<>();
        for (int frame = 0; frame < GOP_FRAMES * GOPS; frame++) {
            List<byte[]> au = new ArrayList<>();
            if (frame % GOP_FRAMES == 0) {
                au.addAll(keyPrefix);
                au.add(SyntheticSlices.slice(idrSlice, IDR_BYTES, random));
            } else {
                au.add(SyntheticSlices.slice(pSlice, P_BYTES, random));
            }
            units.add(au);
        }
        return units;
    }

    /** Splits an Annex B stream into access units of escaped NAL units (headers included). */
    static List<List<byte[]>> accessUnits(Codec codec, byte[] annexB) {
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean hasVcl = false;
        for (byte[] nal : SyntheticSlices.nals(annexB)) {
            boolean vcl = isVcl(codec, nal);
            boolean startsPicture = vcl ? firstSliceOfPicture(codec, nal) : true;
            if (hasVcl && startsPicture) {
                units.add(current);
                current = new ArrayList<>();
                hasVcl = false;
            }
            current.add(nal);
            hasVcl |= vcl;
        }
        if (!current.isEmpty()) {
            units.add(current);
        }
        return units;
    }

    private static int type(Codec codec, byte[] nal) {
        return codec == Codec.H265 ? (nal[0] >> 1) & 0x3F : nal[0] & 0x1F;
    }

    static boolean isVcl(Codec codec, byte[] nal) {
        int t = type(codec, nal);
        return codec == Codec.H265 ? t < 32 : t >= 1 && t <= 5;
    }

    private static boolean isKey(Codec codec, byte[] nal) {
        int t = type(codec, nal);
        return codec == Codec.H265 ? t >= 16 && t <= 23 : t == 5;
    }

    private static boolean firstSliceOfPicture(Codec codec, byte[] nal) {
        // H.264 first_mb_in_slice ue(v) == 0 is a single 1 bit; H.265 first_slice_segment_in_pic_flag.
        int at = codec == Codec.H265 ? 2 : 1;
        return nal.length > at && (nal[at] & 0x80) != 0;
    }

    static UncheckedIOException unchecked(Path path, IOException e) {
        return new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
}
