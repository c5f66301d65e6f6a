package io.airlock.container.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_feof;
import static org.bytedeco.ffmpeg.global.avformat.avio_size;
import static org.bytedeco.ffmpeg.global.avformat.avio_tell;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * Demuxes a recorded file (mp4, mov, mkv/webm, MPEG-TS, anything FFmpeg's avformat opens) into elementary-stream
 * packets without copying them. FFmpeg's logging is silenced once for the process.
 *
 * <p>Only the {@code file} protocol is allowed, so a hostile playlist or reference file cannot make FFmpeg reach the
 * network. After {@link #open} nothing throws: demux errors are counted in {@link #errors()} and the packets that
 * could be read are delivered. Not thread-safe; {@link #close()} frees all native memory.
 */
public final class ContainerDemuxer implements Closeable {

    /** Consecutive read errors after which a damaged file is treated as ended. */
    static final int MAX_CONSECUTIVE_ERRORS = 64;

    private static final long AV_NOPTS_VALUE = Long.MIN_VALUE;

    static {
        av_log_set_level(AV_LOG_QUIET);
    }

    private final Path path;
    private AVFormatContext format;
    private AVPacket packet;
    private final List<ContainerTrack> tracks;
    private final AVRational[] timeBases;
    private final AVRational nanoseconds = av_make_q(1, 1_000_000_000);
    private long errors;
    private boolean ended;

    private ContainerDemuxer(Path path, AVFormatContext format, List<ContainerTrack> tracks, AVRational[] timeBases,
            long errors) {
        this.path = path;
        this.format = format;
        this.tracks = tracks;
        this.timeBases = timeBases;
        this.errors = errors;
        this.packet = av_packet_alloc();
    }

    /**
     * Opens and probes {@code file}.
     *
     * @throws IOException one line naming the file when FFmpeg cannot open it or recognise its format
     */
    public static ContainerDemuxer open(Path file) throws IOException {
        AVFormatContext format = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        int result;
        try {
            // "file:" stops a name such as "concat:a|b" or "http:..." from selecting another protocol.
            result = avformat_open_input(format, "file:" + file.toAbsolutePath(), null, options);
        } finally {
            av_dict_free(options);
        }
        if (result < 0) {
            throw new IOException(FfmpegErrors.message(file, "cannot open", result));
        }
        try {
            long errors = avformat_find_stream_info(format, (AVDictionary) null) < 0 ? 1 : 0;
            TrackProbe probe = new TrackProbe();
            int n = format.nb_streams();
            ContainerTrack[] tracks = new ContainerTrack[n];
            AVRational[] timeBases = new AVRational[n];
            for (int i = 0; i < n; i++) {
                tracks[i] = probe.track(i, format.streams(i));
                AVRational tb = format.streams(i).time_base();
                timeBases[i] = av_make_q(tb.num(), tb.den());
            }
            ContainerDemuxer demuxer = new ContainerDemuxer(file, format, List.of(tracks), timeBases, errors);
            if (demuxer.packet == null) {
                demuxer.close();
                throw new IOException(FfmpegErrors.oneLine(file) + ": cannot allocate an FFmpeg packet");
            }
            return demuxer;
        } catch (RuntimeException e) {
            avformat_close_input(format);
            throw new IOException(FfmpegErrors.oneLine(file) + ": cannot read streams: " + e.getMessage(), e);
        }
    }

    /** The file's streams, including audio and data, indexed by {@link ContainerTrack#index()}. */
    public List<ContainerTrack> tracks() {
        return tracks;
    }

    /**
     * Reads the next packet of any track into {@code p}; the previous packet's buffer becomes invalid.
     *
     * @return false at the end of the file, after too many consecutive errors, or after {@link #close()}
     */
    public boolean next(ContainerPacket p) {
        p.reset();
        int consecutiveErrors = 0;
        while (!ended && format != null) {
            av_packet_unref(packet);
            int result = av_read_frame(format, packet);
            if (result == AVERROR_EOF) {
                ended = true;
                return false;
            }
            if (result < 0) {
                errors++;
                AVIOContext pb = format.pb();
                if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS || (pb != null && avio_feof(pb) != 0)) {
                    ended = true;
                }
                continue;
            }
            int track = packet.stream_index();
            int size = packet.size();
            if (track < 0 || track >= tracks.size() || size < 0) {
                errors++;
                continue;
            }
            p.set(track, wrap(packet, size), 0, size, ptsNs(track), (packet.flags() & 1) != 0, packet.pos());
            return true;
        }
        return false;
    }

    private static ByteBuf wrap(AVPacket packet, int size) {
        BytePointer data = packet.data();
        if (size == 0 || data == null || data.isNull()) {
            return Unpooled.EMPTY_BUFFER;
        }
        return Unpooled.wrappedBuffer(data.capacity(size).asByteBuffer());
    }

    private long ptsNs(int track) {
        long pts = packet.pts();
        if (pts == AV_NOPTS_VALUE || timeBases[track].num() <= 0 || timeBases[track].den() <= 0) {
            return -1;
        }
        return Math.max(0, av_rescale_q(pts, timeBases[track], nanoseconds));
    }

    /** Demux errors so far: unreadable packets, probe failure, packets for unknown streams. */
    public long errors() {
        return errors;
    }

    /** Approximate bytes consumed so far, for a progress bar; 0 when unknown. */
    public long bytesRead() {
        AVIOContext pb = format == null ? null : format.pb();
        return pb == null ? 0 : Math.max(0, avio_tell(pb));
    }

    /** File size in bytes for a progress bar, or -1 when unknown. */
    public long size() {
        AVIOContext pb = format == null ? null : format.pb();
        long size = pb == null ? -1 : avio_size(pb);
        return size < 0 ? -1 : size;
    }

    /** The file this demuxer reads. */
    public Path path() {
        return path;
    }

    /** Frees the packet and the format context; idempotent. Buffers handed out become invalid. */
    @Override
    public void close() {
        try {
            if (packet != null) {
                av_packet_free(packet);
            }
        } finally {
            packet = null;
            if (format != null) {
                avformat_close_input(format);
                format = null;
            }
            nanoseconds.close();
            for (AVRational tb : timeBases) {
                tb.close();
            }
        }
    }

    /**
     * True when the bytes look like a container this demuxer handles, judged by content only: ISO BMFF ({@code ftyp}
     * at offset 4), Matroska/WebM (EBML magic {@code 1A 45 DF A3}), MPEG-TS (sync byte 0x47 at 0, 188 and 376) or
     * AVI ({@code RIFF....AVI }).
     */
    public static boolean probe(ByteBuf buf, int off, int len) {
        return ContainerProbe.matches(buf, off, len);
    }
}
