package io.airlock.container.imkh;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Flyweight over the 40-byte little-endian Hikvision {@code HIK_MEDIAINFO} header (PlayM4.h; threat-signatures §2.1).
 *
 * <pre>
 * off size field
 * 0   4    media_fourcc           "IMKH" on the wire (0x484B4D49 "HKMI" little-endian)
 * 4   2    media_version          0x0101 = v1.01, 0x0102 = v1.02
 * 6   2    device_id
 * 8   2    system_format          0 none, 1 HIK file, 2 MPEG2-PS, 3 MPEG2-TS, 4 RTP, 0x401 RTP-HIK, 5 MP4 ...
 * 10  2    video_format           0 none, 1 H.264, 2 MPEG2, 3 MPEG4, 4 MJPEG, 5 HEVC, 6 SVAC ...
 * 12  2    audio_format           0 none, 0x7110 G.711u, 0x7111 G.711a, 0x2001 AAC ...
 * 14  1    audio_channels
 * 15  1    audio_bits_per_sample
 * 16  4    audio_samplesrate
 * 20  4    audio_bitrate
 * 24  16   reserved[4]
 * </pre>
 *
 * <p>Seen at the start of Hikvision SDK files and, hex-encoded, in SDP {@code a=Media_header:MEDIAINFO=...}. Clones
 * (Anjvision, "IPCAM" OEMs) copy it, so it fingerprints Hikvision compatibility rather than Hikvision itself.
 */
public final class MediaInfoHeader {

    public static final int LENGTH = 40;
    public static final int FOURCC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int DEVICE_ID_OFFSET = 6;
    public static final int SYSTEM_FORMAT_OFFSET = 8;
    public static final int VIDEO_FORMAT_OFFSET = 10;
    public static final int AUDIO_FORMAT_OFFSET = 12;
    public static final int AUDIO_CHANNELS_OFFSET = 14;
    public static final int AUDIO_BITS_PER_SAMPLE_OFFSET = 15;
    public static final int AUDIO_SAMPLE_RATE_OFFSET = 16;
    public static final int AUDIO_BITRATE_OFFSET = 20;
    public static final int RESERVED_OFFSET = 24;
    /** "IMKH" read as a big-endian int. */
    public static final int MAGIC = 0x494D4B48;

    private ByteBuf buffer;
    private int offset;

    /** Whether the bytes start with the "IMKH" fourcc. */
    public static boolean probe(final ByteBuf buffer, final int offset, final int length) {
        return length >= 4 && offset >= 0 && (long) offset + 4 <= buffer.capacity()
                && buffer.getInt(offset) == MAGIC;
    }

    /** Validates 40 bytes at {@code offset}; null on success. */
    public Rejection wrap(final ByteBuf buffer, final int offset, final int length) {
        reset();
        if (buffer == null || offset < 0 || length < LENGTH || (long) offset + LENGTH > buffer.capacity()) {
            return ImkhRejection.TOO_SHORT;
        }
        if (buffer.getInt(offset + FOURCC_OFFSET) != MAGIC) {
            return ImkhRejection.BAD_MAGIC;
        }
        this.buffer = buffer;
        this.offset = offset;
        return null;
    }

    /**
     * Decodes the SDP form: 80 hex characters, optionally followed by ';' and whitespace. Returns a header wrapping a
     * fresh 40-byte heap buffer, or null when the text is not a valid header.
     */
    public static MediaInfoHeader fromHex(final String hex) {
        if (hex == null) {
            return null;
        }
        String h = hex.trim();
        if (h.endsWith(";")) {
            h = h.substring(0, h.length() - 1).trim();
        }
        if (h.length() != LENGTH * 2) {
            return null;
        }
        final byte[] bytes = io.airlock.wire.Hex.decode(h);
        if (bytes == null) {
            return null;
        }
        final MediaInfoHeader header = new MediaInfoHeader();
        return header.wrap(Unpooled.wrappedBuffer(bytes), 0, LENGTH) == null ? header : null;
    }

    public void reset() {
        buffer = null;
        offset = 0;
    }

    /** Raw media_version, e.g. 0x0101. */
    public int version() {
        return buffer.getUnsignedShortLE(offset + VERSION_OFFSET);
    }

    /** 1 for media_version 0x0102. */
    public int versionMajor() {
        return version() >>> 8;
    }

    /** 2 for media_version 0x0102. */
    public int versionMinor() {
        return version() & 0xFF;
    }

    public int deviceId() {
        return buffer.getUnsignedShortLE(offset + DEVICE_ID_OFFSET);
    }

    public int systemFormat() {
        return buffer.getUnsignedShortLE(offset + SYSTEM_FORMAT_OFFSET);
    }

    public int videoFormat() {
        return buffer.getUnsignedShortLE(offset + VIDEO_FORMAT_OFFSET);
    }

    public int audioFormat() {
        return buffer.getUnsignedShortLE(offset + AUDIO_FORMAT_OFFSET);
    }

    public int audioChannels() {
        return buffer.getUnsignedByte(offset + AUDIO_CHANNELS_OFFSET);
    }

    public int audioBitsPerSample() {
        return buffer.getUnsignedByte(offset + AUDIO_BITS_PER_SAMPLE_OFFSET);
    }

    public long audioSampleRate() {
        return buffer.getUnsignedIntLE(offset + AUDIO_SAMPLE_RATE_OFFSET);
    }

    public long audioBitrate() {
        return buffer.getUnsignedIntLE(offset + AUDIO_BITRATE_OFFSET);
    }

    /** Whether the 16 reserved bytes are all zero, as in every known sample. */
    public boolean reservedZero() {
        return buffer.getLong(offset + RESERVED_OFFSET) == 0 && buffer.getLong(offset + RESERVED_OFFSET + 8) == 0;
    }

    public String systemFormatName() {
        return MediaInfoCodes.systemFormatName(systemFormat());
    }

    public String videoFormatName() {
        return MediaInfoCodes.videoFormatName(videoFormat());
    }

    public String audioFormatName() {
        return MediaInfoCodes.audioFormatName(audioFormat());
    }

    /** e.g. "IMKH v1.01 system=RTP video=H.264 audio=none" or "... audio=G.711u 1ch 16bit 8000Hz 64000bps". */
    public String describe() {
        final StringBuilder sb = new StringBuilder(96);
        sb.append("IMKH v").append(versionMajor()).append('.');
        if (versionMinor() < 10) {
            sb.append('0');
        }
        sb.append(versionMinor());
        sb.append(" system=").append(systemFormatName());
        sb.append(" video=").append(videoFormatName());
        sb.append(" audio=").append(audioFormatName());
        if (audioFormat() != 0) {
            sb.append(' ').append(audioChannels()).append("ch ").append(audioBitsPerSample()).append("bit ")
                    .append(audioSampleRate()).append("Hz ").append(audioBitrate()).append("bps");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return buffer == null ? "IMKH (unwrapped)" : describe();
    }
}
