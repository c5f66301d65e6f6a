package io.airlock.inspect;

import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.container.ps.ProgramStreamDemuxer;
import io.airlock.container.ps.ProgramStreamListener;
import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * MED-01 on an MPEG-2 Program Stream (GB/T 28181, Hikvision private PS): private PSM descriptors, pack stuffing that
 * carries a counter instead of 0xFF, and private PES 0xBD/0xBF. Video PES payload goes on to the stream's Annex B
 * scanner and NAL inspector.
 */
final class ProgramStreamInspector implements ProgramStreamListener {

    private static final int STREAM_TYPE_H264 = 0x1B;
    private static final int STREAM_TYPE_H265 = 0x24;
    private static final int PRIVATE_STREAM_1 = 0xBD;

    private final MediaStream stream;
    private final InspectionContext context;
    private final ProgramStreamDemuxer demuxer = new ProgramStreamDemuxer(this);
    private int videoStreamId = -1;

    private long privatePesCount;
    private long privatePesBytes;
    private long hkDescriptors;
    private long countedStuffingPacks;
    private final FramingFinding finding;

    ProgramStreamInspector(MediaStream stream, InspectionContext context) {
        this.stream = stream;
        this.context = context;
        this.finding = new FramingFinding(Rule.MED_01, stream, context);
    }

    void feed(ByteBuf buffer, int offset, int length, long sourceOffset) {
        demuxer.feed(buffer, offset, length, sourceOffset);
    }

    void finish() {
        demuxer.finish();
        stream.finishElementaryStream();
        finding.total("private_pes", privatePesCount).total("private_pes_bytes", privatePesBytes)
                .total("hk_descriptors", hkDescriptors).total("counter_stuffing_packs", countedStuffingPacks);
    }

    @Override
    public void packHeader(long scr, int muxRate, int stuffingLength, boolean stuffingAllFf, long stuffingCounter,
                           long offset) {
        if (stuffingLength > 0 && !stuffingAllFf) {
            countedStuffingPacks++;
            finding.raise(offset, "pack header stuffing carries a counter (0x" + Long.toHexString(stuffingCounter)
                    + ") instead of 0xFF bytes", "stuffing_counter", Long.toHexString(stuffingCounter), "");
        }
    }

    @Override
    public void psmDescriptor(int tag, ByteBuf buffer, int offset, int length, long sourceOffset) {
        if (length >= 2 && buffer.getUnsignedByte(offset) == 'H' && buffer.getUnsignedByte(offset + 1) == 'K') {
            hkDescriptors++;
            finding.raise(sourceOffset, String.format("PSM private descriptor 0x%02x starting \"HK\" (Hikvision)", tag),
                    "descriptor_tag", String.format("0x%02x", tag), Hex.of(buffer, offset, length));
            stream.stats().fingerprint("Hikvision PS (PSM \"HK\" descriptors)");
        }
    }

    @Override
    public void psmStream(int streamType, int streamId, long offset) {
        if (videoStreamId < 0 && (streamType == STREAM_TYPE_H264 || streamType == STREAM_TYPE_H265)) {
            videoStreamId = streamId;
            Codec codec = streamType == STREAM_TYPE_H265 ? Codec.H265 : Codec.H264;
            if (stream.codec() != codec) {
                stream.codec(codec);
            }
        }
    }

    @Override
    public void pesStart(int streamId, long pts, long dts, int pesPacketLength, long offset) {
        if (videoStreamId < 0 && streamId >= 0xE0 && streamId <= 0xEF) {
            videoStreamId = streamId;
        }
        if (streamId == videoStreamId && pts >= 0) {
            // PTS runs on the 90 kHz system clock: it times a recording that has no capture clock.
            stream.stats().onMediaTime(pts & 0xFFFF_FFFFL);
        }
    }

    @Override
    public void pesPayload(int streamId, ByteBuf buffer, int offset, int length) {
        if (streamId == videoStreamId) {
            stream.feedElementaryStream(buffer, offset, length, context.sourceOffset());
        }
    }

    @Override
    public void privateStream(int streamId, int length, ByteBuf firstBytes, int offset, int available, long sourceOffset) {
        privatePesCount++;
        privatePesBytes += length;
        String hex = firstBytes == null ? "" : Hex.of(firstBytes, offset, available);
        finding.raise(sourceOffset, String.format("private PES stream 0x%02x of %d bytes (%s)", streamId, length,
                streamId == PRIVATE_STREAM_1 ? "private_stream_1" : "private_stream_2"),
                "stream_id", String.format("0x%02x", streamId), hex);
    }

    @Override
    public void rejected(Rejection reason, long offset) {
        context.rejections().increment(reason);
        stream.stats().onRejected();
    }
}
