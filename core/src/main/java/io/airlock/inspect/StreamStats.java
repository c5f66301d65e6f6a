package io.airlock.inspect;

import io.airlock.codec.Codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a user wants to know about one stream: codec, picture size, frame rate, bitrate, GOP length, the SEI payload
 * types it carries and the vendor it looks like. Updated by the media inspector thread with primitive fields only;
 * turned into text after the pipeline drains.
 *
 * <p>In live mode the metrics scrape reads the counters while the stream runs: packets, bytes, frames, keyframes,
 * GOP length and SEI counts are written with release stores (plain stores on x86) and read with acquire loads, so
 * they can be read from any thread; everything else belongs to the inspector thread until the pipeline drains.
 */
public final class StreamStats {

    /** Index of {@link #sei(int)} counting payload types outside 0..255. */
    public static final int SEI_OTHER = 256;
    private static final int SEI_TYPES_TRACKED = 256;
    private static final VarHandle PACKETS = field("packets");
    private static final VarHandle BYTES = field("bytes");
    private static final VarHandle FRAMES = field("frames");
    private static final VarHandle KEYFRAMES = field("keyframes");
    private static final VarHandle LAST_GOP = field("lastGop");
    private static final VarHandle SEI = MethodHandles.arrayElementVarHandle(long[].class);

    private Codec codec = Codec.UNKNOWN;
    private String encodingName;
    private int width;
    private int height;
    private int profileIdc;
    private int levelIdc;
    private double spsFps;

    private long packets;
    private long bytes;
    private long lostPackets;
    private long firstTimeNs = Long.MIN_VALUE;
    private long lastTimeNs = Long.MIN_VALUE;
    private long firstMediaTime = Long.MIN_VALUE;
    private long lastMediaTime = Long.MIN_VALUE;
    private long mediaTimeWraps;
    private int clockRate = 90_000;

    private long frames;
    private long keyframes;
    private long framesSinceKeyframe = -1;
    private long lastGop;
    private long maxGop;
    private long nalUnits;

    /** Counts per SEI payload type, then one for the types beyond. */
    private final long[] seiCounts = new long[SEI_TYPES_TRACKED + 1];
    private final Set<String> fingerprints = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private long rejected;

    public void codec(Codec codec) {
        this.codec = codec;
    }

    public Codec codec() {
        return codec;
    }

    public void encodingName(String name) {
        this.encodingName = name;
    }

    public String encodingName() {
        return encodingName;
    }

    public void clockRate(int clockRate) {
        this.clockRate = clockRate > 0 ? clockRate : 90_000;
    }

    /** Counts a packet (or chunk) of {@code length} bytes received at {@code timeNs} (-1 = no clock). */
    public void onPacket(int length, long timeNs) {
        PACKETS.setRelease(this, packets + 1);
        BYTES.setRelease(this, bytes + length);
        if (timeNs >= 0) {
            if (firstTimeNs == Long.MIN_VALUE) {
                firstTimeNs = timeNs;
            }
            lastTimeNs = timeNs;
        }
    }

    /** Tracks the RTP timestamp (32-bit, wrapping) so duration can come from the media clock. */
    public void onMediaTime(long rtpTimestamp) {
        if (firstMediaTime == Long.MIN_VALUE) {
            firstMediaTime = rtpTimestamp;
            lastMediaTime = rtpTimestamp;
            return;
        }
        if (rtpTimestamp < lastMediaTime && lastMediaTime - rtpTimestamp > 0x8000_0000L) {
            mediaTimeWraps++;
        }
        if (((rtpTimestamp - lastMediaTime) & 0xFFFF_FFFFL) < 0x8000_0000L) {
            lastMediaTime = rtpTimestamp;
        }
    }

    public void onLoss(long lost) {
        lostPackets += lost;
    }

    public void onRejected() {
        rejected++;
    }

    public void onNalUnit() {
        nalUnits++;
    }

    /** A new picture begins; {@code keyframe} for IDR/IRAP pictures. */
    public void onFrame(boolean keyframe) {
        FRAMES.setRelease(this, frames + 1);
        if (keyframe) {
            KEYFRAMES.setRelease(this, keyframes + 1);
            if (framesSinceKeyframe > 0) {
                LAST_GOP.setRelease(this, framesSinceKeyframe);
                maxGop = Math.max(maxGop, framesSinceKeyframe);
            }
            framesSinceKeyframe = 1;
        } else if (framesSinceKeyframe >= 0) {
            framesSinceKeyframe++;
        }
    }

    public void onSei(int payloadType) {
        int i = payloadType >= 0 && payloadType < SEI_TYPES_TRACKED ? payloadType : SEI_OTHER;
        SEI.setRelease(seiCounts, i, seiCounts[i] + 1);
    }

    /** Picture size, profile and level from a sequence parameter set (once per GOP: primitives only). */
    public void onSps(int width, int height, int profileIdc, int levelIdc, double fps) {
        this.width = width;
        this.height = height;
        this.profileIdc = profileIdc;
        this.levelIdc = levelIdc;
        if (fps > 0 && fps < 1000) {
            this.spsFps = fps;
        }
    }

    public void fingerprint(String text) {
        if (fingerprints.size() < 16) {
            fingerprints.add(text);
        }
    }

    public void note(String text) {
        if (notes.size() < 16) {
            notes.add(text);
        }
    }

    public long packets() {
        return (long) PACKETS.getAcquire(this);
    }

    public long bytes() {
        return (long) BYTES.getAcquire(this);
    }

    public long lostPackets() {
        return lostPackets;
    }

    public long rejected() {
        return rejected;
    }

    public long frames() {
        return (long) FRAMES.getAcquire(this);
    }

    public long keyframes() {
        return (long) KEYFRAMES.getAcquire(this);
    }

    public long nalUnits() {
        return nalUnits;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** "profile 100 level 4.1", or null before an SPS was seen. */
    public String profile() {
        if (width == 0 && profileIdc == 0) {
            return null;
        }
        // H.264 level_idc is ten times the level; H.265 general_level_idc thirty times.
        double level = codec == Codec.H265 ? levelIdc / 30.0 : levelIdc / 10.0;
        return String.format(java.util.Locale.ROOT, "profile %d level %.1f", profileIdc, level);
    }

    /** GOP length in pictures: the last complete one seen, or 0. */
    public long gopLength() {
        return (long) LAST_GOP.getAcquire(this);
    }

    public long maxGopLength() {
        return maxGop;
    }

    /**
     * Seconds covered: from arrival or capture times when there are any (a camera's RTP clock is its own claim and
     * may run at any rate), else from the RTP clock; 0 when unknown.
     */
    public double durationSeconds() {
        if (firstTimeNs != Long.MIN_VALUE && lastTimeNs > firstTimeNs) {
            return (lastTimeNs - firstTimeNs) / 1e9;
        }
        if (firstMediaTime != Long.MIN_VALUE && lastMediaTime != firstMediaTime) {
            long ticks = (lastMediaTime + (mediaTimeWraps << 32)) - firstMediaTime;
            return ticks / (double) clockRate;
        }
        return 0;
    }

    /** Frames per second measured over the stream, or from the SPS timing info when there is no clock. */
    public double fps() {
        double d = durationSeconds();
        if (d > 0 && frames > 1) {
            return (frames - 1) / d;
        }
        return spsFps;
    }

    /** Bits per second, or 0 when the duration is unknown. */
    public double bitrate() {
        double d = durationSeconds();
        if (d > 0) {
            return bytes * 8 / d;
        }
        double fps = fps();
        return fps > 0 && frames > 0 ? bytes * 8 * fps / frames : 0;
    }

    /** SEI messages of payload type {@code payloadType} (0..255), or of types beyond ({@link #SEI_OTHER}). */
    public long sei(int payloadType) {
        return payloadType >= 0 && payloadType <= SEI_OTHER ? (long) SEI.getAcquire(seiCounts, payloadType) : 0;
    }

    /** SEI payload types seen, with counts, ordered by type; {@link #SEI_OTHER} counts the types beyond 255. */
    public TreeMap<Integer, Long> seiCounts() {
        TreeMap<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i <= SEI_OTHER; i++) {
            long n = sei(i);
            if (n != 0) {
                m.put(i, n);
            }
        }
        return m;
    }

    public Set<String> fingerprints() {
        return fingerprints;
    }

    public List<String> notes() {
        return notes;
    }

    private static VarHandle field(String name) {
        try {
            return MethodHandles.lookup().findVarHandle(StreamStats.class, name, long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
