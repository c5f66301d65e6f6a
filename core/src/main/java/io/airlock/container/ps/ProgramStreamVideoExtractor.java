package io.airlock.container.ps;

import io.airlock.codec.Codec;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * A {@link ProgramStreamListener} that forwards the payload of video stream 0xE0 to a {@link VideoPayloadListener}
 * (and every event to an optional next listener). It does not split NAL units: that is the Annex B scanner's job in
 * {@code io.airlock.codec}. Allocation-free per packet.
 */
public final class ProgramStreamVideoExtractor implements ProgramStreamListener {

    public static final int VIDEO_STREAM_ID = 0xE0;
    static final int STREAM_TYPE_H264 = 0x1B;
    static final int STREAM_TYPE_H265 = 0x24;
    private static final ProgramStreamListener NONE = new ProgramStreamListener() {
    };

    private final VideoPayloadListener video;
    private final ProgramStreamListener next;

    /** Forwards video to {@code video} and nothing else. */
    public ProgramStreamVideoExtractor(VideoPayloadListener video) {
        this(video, NONE);
    }

    /** Forwards video to {@code video} and every event, video included, to {@code next}. */
    public ProgramStreamVideoExtractor(VideoPayloadListener video, ProgramStreamListener next) {
        this.video = video;
        this.next = next;
    }

    @Override
    public void packHeader(long scr, int muxRate, int stuffingLength, boolean stuffingAllFf, long stuffingCounter,
            long offset) {
        next.packHeader(scr, muxRate, stuffingLength, stuffingAllFf, stuffingCounter, offset);
    }

    @Override
    public void systemHeader(long rateBound, int audioBound, int videoBound, long offset) {
        next.systemHeader(rateBound, audioBound, videoBound, offset);
    }

    @Override
    public void systemHeaderStream(int streamId, int bufferBoundScale, int bufferSizeBound, long offset) {
        next.systemHeaderStream(streamId, bufferBoundScale, bufferSizeBound, offset);
    }

    @Override
    public void programStreamMap(int version, boolean currentNext, long offset) {
        next.programStreamMap(version, currentNext, offset);
    }

    @Override
    public void psmDescriptor(int tag, ByteBuf buf, int off, int len, long offset) {
        next.psmDescriptor(tag, buf, off, len, offset);
    }

    @Override
    public void psmStream(int streamType, int streamId, long offset) {
        if (streamId == VIDEO_STREAM_ID) {
            video.codec(streamType == STREAM_TYPE_H264 ? Codec.H264
                    : streamType == STREAM_TYPE_H265 ? Codec.H265 : Codec.UNKNOWN);
        }
        next.psmStream(streamType, streamId, offset);
    }

    @Override
    public void psmStreamDescriptor(int streamId, int tag, ByteBuf buf, int off, int len, long offset) {
        next.psmStreamDescriptor(streamId, tag, buf, off, len, offset);
    }

    @Override
    public void pesStart(int streamId, long pts, long dts, int pesPacketLength, long offset) {
        if (streamId == VIDEO_STREAM_ID && pts >= 0) {
            video.accessUnitStart(pts, dts, offset);
        }
        next.pesStart(streamId, pts, dts, pesPacketLength, offset);
    }

    @Override
    public void pesPayload(int streamId, ByteBuf buf, int off, int len) {
        if (streamId == VIDEO_STREAM_ID && len > 0) {
            video.videoPayload(buf, off, len);
        }
        next.pesPayload(streamId, buf, off, len);
    }

    @Override
    public void pesEnd(int streamId) {
        next.pesEnd(streamId);
    }

    @Override
    public void privateStream(int streamId, int length, ByteBuf firstBytes, int off, int len, long offset) {
        next.privateStream(streamId, length, firstBytes, off, len, offset);
    }

    @Override
    public void programEnd(long offset) {
        next.programEnd(offset);
    }

    @Override
    public void rejected(Rejection reason, long offset) {
        video.discontinuity(offset);
        next.rejected(reason, offset);
    }
}
