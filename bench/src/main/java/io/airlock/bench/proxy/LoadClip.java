package io.airlock.bench.proxy;

import io.airlock.bench.BenchFiles;
import io.airlock.bench.SyntheticSlices;
import io.airlock.codec.AnnexBWriter;
import io.airlock.codec.Codec;
import io.airlock.codec.SeiWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The camera every simulated stream plays: a ~4 Mbit/s H.264 Annex B clip at 25 fps, keyframe every 2 s (setup only,
 * allocates freely). Each GOP is SPS, PPS (from the committed recording), a recovery-point SEI (payloadType 6, on
 * the MED-02 allowlist, so inspection runs its SEI path without raising findings), one IDR slice of
 * {@value #IDR_BYTES} B, then 49 P slices sized so the mean is {@value #BITS_PER_SECOND} bit/s. Slices open with the
 * recording's real slice header and carry non-zero noise, so no start code can be emulated.
 */
final class LoadClip {

    static final int FPS = 25;
    static final int GOP_FRAMES = 50;
    static final int GOPS = 2;
    static final long BITS_PER_SECOND = 4_000_000;
    static final int IDR_BYTES = 150_000;
    static final int P_BYTES = (int) ((BITS_PER_SECOND / 8 * GOP_FRAMES / FPS - IDR_BYTES) / (GOP_FRAMES - 1));
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final int NAL_IDR = 5;
    private static final int NAL_NON_IDR = 1;
    private static final int RECOVERY_POINT = 6;
    /** recovery_frame_cnt ue(v)=0, exact_match 1, broken_link 0, changing_slice_group_idc 0, then alignment. */
    private static final byte[] RECOVERY_POINT_PAYLOAD = {(byte) 0xC4};

    private LoadClip() {
    }

    /** Writes the clip to {@code file} and returns its size in bytes. */
    static long write(Path file) throws IOException {
        byte[] recording = BenchFiles.read("h264/openh264-clean.h264");
        byte[] sps = null;
        byte[] pps = null;
        byte[] idr = null;
        byte[] p = null;
        for (byte[] nal : SyntheticSlices.nals(recording)) {
            int type = nal[0] & 0x1F;
            if (type == NAL_SPS && sps == null) {
                sps = nal;
            } else if (type == NAL_PPS && pps == null) {
                pps = nal;
            } else if (type == NAL_IDR && idr == null) {
                idr = nal;
            } else if (type == NAL_NON_IDR && p == null) {
                p = nal;
            }
        }
        if (sps == null || pps == null || idr == null || p == null) {
            throw new IOException("recording lacks SPS/PPS/IDR/P slices");
        }
        byte[] sei = new SeiWriter(Codec.H264).message(RECOVERY_POINT, RECOVERY_POINT_PAYLOAD).toNal();
        SplittableRandom random = new SplittableRandom(42);
        AnnexBWriter out = new AnnexBWriter(Codec.H264);
        for (int frame = 0; frame < GOP_FRAMES * GOPS; frame++) {
            if (frame % GOP_FRAMES == 0) {
                out.escapedUnit(sps).escapedUnit(pps).escapedUnit(sei)
                        .escapedUnit(SyntheticSlices.slice(idr, IDR_BYTES, random));
            } else {
                out.escapedUnit(SyntheticSlices.slice(p, P_BYTES, random));
            }
        }
        byte[] bytes = out.toByteArray();
        Files.write(file, bytes);
        return bytes.length;
    }
}
