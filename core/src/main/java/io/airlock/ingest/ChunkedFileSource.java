package io.airlock.ingest;

import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.PacketPublisher;
import io.airlock.pipeline.Track;
import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * Publishes a stream-structured file (Annex B, Program Stream, DHAV) as consecutive slices of its memory mapping.
 * Units, packs and frames may span slices; the inspectors' parsers are streaming parsers, so no bytes are copied.
 */
public final class ChunkedFileSource implements SourceProgress {

    /** Slice size: large enough to amortise the ring hop, small enough for a smooth progress bar. */
    public static final int CHUNK = 1 << 20;

    private final MappedFile file;
    private final PacketKind kind;
    private final Track track;
    private volatile long position;

    public ChunkedFileSource(MappedFile file, PacketKind kind, Track track) {
        this.file = file;
        this.kind = kind;
        this.track = track;
    }

    /** Publishes every slice, then {@link PacketKind#END_OF_STREAM}. */
    public void run(PacketPublisher publisher) throws IOException {
        long size = file.size();
        for (long pos = 0; pos < size; pos += CHUNK) {
            int len = (int) Math.min(CHUNK, size - pos);
            ByteBuf window = file.window(pos, len);
            int index = (int) (pos - file.windowStart());
            long seq = publisher.claim();
            PacketEvent e = publisher.event(seq);
            e.set(kind, window, index, len, false).sourceOffset(pos).track(track);
            publisher.publish(seq);
            position = pos + len;
        }
        long seq = publisher.claim();
        publisher.event(seq).set(PacketKind.END_OF_STREAM, null, 0, 0, false).track(track);
        publisher.publish(seq);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long size() {
        return file.size();
    }
}
