package io.airlock.ingest;

import io.airlock.codec.Codec;
import io.airlock.container.ffmpeg.ContainerDemuxer;
import io.airlock.container.ffmpeg.ContainerPacket;
import io.airlock.container.ffmpeg.ContainerTrack;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.PacketPublisher;
import io.airlock.pipeline.Track;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Demuxes a container (mp4, mkv, MPEG-TS) with FFmpeg and publishes each video packet as an access unit. FFmpeg
 * reuses its packet memory on the next read, so each packet is copied once into a pooled buffer that the pipeline
 * releases: the one copy on an offline path, where a file is read at whatever pace the inspectors allow.
 */
public final class ContainerSource implements SourceProgress {

    private final Path path;
    private final ContainerDemuxer demuxer;
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private final ContainerPacket packet = new ContainerPacket();
    private final List<Track> tracks = new ArrayList<>();
    private final long size;

    private ContainerSource(Path path, ContainerDemuxer demuxer, long size) {
        this.path = path;
        this.demuxer = demuxer;
        this.size = size;
        String name = path.getFileName().toString();
        for (ContainerTrack ct : demuxer.tracks()) {
            Track t = new Track(name, ct.index(), null, ct.codec()).nalLengthSize(ct.nalLengthSize());
            t.encodingName(ct.codec() == Codec.UNKNOWN ? ct.mediaType() : ct.codec().displayName());
            tracks.add(t);
        }
    }

    public static ContainerSource open(Path path, long size) throws IOException {
        return new ContainerSource(path, ContainerDemuxer.open(path), size);
    }

    /** Publishes the parameter sets from each track's header, then every video packet, then end of stream. */
    public void run(PacketPublisher publisher) {
        for (ContainerTrack ct : demuxer.tracks()) {
            Track track = track(ct.index());
            if (track == null || ct.codec() == Codec.UNKNOWN) {
                continue;
            }
            for (byte[] nal : ct.parameterSets()) {
                publishParameterSet(publisher, track, nal);
            }
        }
        while (demuxer.next(packet)) {
            Track track = track(packet.trackIndex());
            if (track == null || track.codec() == Codec.UNKNOWN) {
                continue;
            }
            ByteBuf copy = allocator.directBuffer(packet.length());
            copy.writeBytes(packet.buffer(), packet.offset(), packet.length());
            long seq = publisher.claim(PacketKind.ACCESS_UNIT, copy, 0, copy.writerIndex(), true);
            publisher.event(seq).timestampNs(packet.ptsNs()).sourceOffset(packet.position()).track(track);
            publisher.publish(seq);
        }
        for (Track track : tracks) {
            long seq = publisher.claim();
            publisher.event(seq).set(PacketKind.END_OF_STREAM, null, 0, 0, false).track(track);
            publisher.publish(seq);
        }
    }

    /** Frames one parameter set the way the track's packets are framed (length-prefixed or Annex B). */
    private void publishParameterSet(PacketPublisher publisher, Track track, byte[] nal) {
        int prefix = track.nalLengthSize() > 0 ? track.nalLengthSize() : 4;
        ByteBuf buf = allocator.heapBuffer(prefix + nal.length);
        if (track.nalLengthSize() > 0) {
            for (int i = prefix - 1; i >= 0; i--) {
                buf.writeByte((nal.length >>> (8 * i)) & 0xFF);
            }
        } else {
            buf.writeInt(1);
        }
        buf.writeBytes(nal);
        long seq = publisher.claim(PacketKind.ACCESS_UNIT, buf, 0, buf.writerIndex(), true);
        publisher.event(seq).track(track);
        publisher.publish(seq);
    }

    private Track track(int index) {
        for (Track t : tracks) {
            if (t.index() == index) {
                return t;
            }
        }
        return null;
    }

    public List<Track> tracks() {
        return tracks;
    }

    public List<ContainerTrack> containerTracks() {
        return demuxer.tracks();
    }

    /** Packets FFmpeg could not read. */
    public long errors() {
        return demuxer.errors();
    }

    public void close() {
        demuxer.close();
    }

    @Override
    public long position() {
        return Math.min(size, demuxer.bytesRead());
    }

    @Override
    public long size() {
        return size;
    }

    public Path path() {
        return path;
    }
}
