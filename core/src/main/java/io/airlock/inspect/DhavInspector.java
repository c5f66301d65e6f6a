package io.airlock.inspect;

import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.container.dhav.DhavDemuxer;
import io.airlock.container.dhav.DhavListener;
import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * MED-04 on Dahua DHAV framing: the "DAHUA" file header, 0xF1 "assistant" frames (where Dahua puts non-AV data) and
 * extension types FFmpeg does not know. Video frame payload goes on to the stream's Annex B scanner.
 */
final class DhavInspector implements DhavListener {

    private static final int TYPE_ASSISTANT = 0xF1;
    private static final int TYPE_I_FRAME = 0xFD;
    private static final int TYPE_P_FRAME = 0xFC;
    private static final int TYPE_B_FRAME = 0xFE;

    private final MediaStream stream;
    private final InspectionContext context;
    private final DhavDemuxer demuxer = new DhavDemuxer(this);
    private long assistantFrames;
    private long assistantBytes;
    private long unknownExtensions;
    private final FramingFinding finding;

    DhavInspector(MediaStream stream, InspectionContext context) {
        this.stream = stream;
        this.context = context;
        this.finding = new FramingFinding(Rule.MED_04, stream, context);
        stream.stats().fingerprint("Dahua DHAV framing");
    }

    void feed(ByteBuf buffer, int offset, int length, long sourceOffset) {
        demuxer.feed(buffer, offset, length, sourceOffset);
    }

    void finish() {
        demuxer.finish();
        stream.finishElementaryStream();
        finding.total("assistant_frames", assistantFrames).total("assistant_bytes", assistantBytes)
                .total("unknown_extensions", unknownExtensions);
    }

    @Override
    public void fileHeader(long offset) {
        finding.raise(offset, "DAHUA file header", "file_header", "DAHUA", "");
    }

    @Override
    public void frameStart(int type, int subtype, int channel, long frameNumber, long frameLength, long dateBits,
                           int timestampMs, long offset) {
        if (type == TYPE_ASSISTANT) {
            assistantFrames++;
            assistantBytes += frameLength;
            finding.raise(offset, "DHAV 0xF1 assistant frame of " + frameLength + " bytes (private data)", "frame_type",
                    "0xf1", "");
        }
    }

    @Override
    public void extension(int type, ByteBuf buffer, int offset, int length, boolean known, long sourceOffset) {
        if (!known) {
            unknownExtensions++;
            finding.raise(sourceOffset, String.format("DHAV extension type 0x%02x unknown to FFmpeg", type),
                    "extension_type", String.format("0x%02x", type), Hex.of(buffer, offset, length));
        }
    }

    @Override
    public void videoInfo(int codec, int width, int height, int frameRate) {
        Codec c = codec == 0xC ? Codec.H265 : (codec == 2 || codec == 4 || codec == 8) ? Codec.H264 : Codec.UNKNOWN;
        if (c != Codec.UNKNOWN && stream.codec() != c) {
            stream.codec(c);
        }
    }

    @Override
    public void framePayload(int type, ByteBuf buffer, int offset, int length) {
        if (type == TYPE_I_FRAME || type == TYPE_P_FRAME || type == TYPE_B_FRAME) {
            stream.feedElementaryStream(buffer, offset, length, context.sourceOffset());
        }
    }

    @Override
    public void rejected(Rejection reason, long offset) {
        context.rejections().increment(reason);
        stream.stats().onRejected();
    }
}
