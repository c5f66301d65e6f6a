package io.airlock.container.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;

import io.airlock.codec.Codec;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/** Builds a {@link ContainerTrack} from an AVStream: codec, geometry, rate, and the extradata's parameter sets. */
final class TrackProbe {

    private final AvcDecoderConfiguration avc = new AvcDecoderConfiguration();
    private final HevcDecoderConfiguration hevc = new HevcDecoderConfiguration();

    ContainerTrack track(int index, AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        int codecId = par.codec_id();
        Codec codec = codecId == AV_CODEC_ID_H264 ? Codec.H264 : codecId == AV_CODEC_ID_HEVC ? Codec.H265
                : Codec.UNKNOWN;
        List<byte[]> parameterSets = new ArrayList<>();
        int nalLengthSize = 0;
        Rejection rejection = null;
        BytePointer extradata = par.extradata();
        int extradataSize = par.extradata_size();
        if (codec != Codec.UNKNOWN && extradata != null && !extradata.isNull() && extradataSize > 0) {
            ByteBuf buf = Unpooled.wrappedBuffer(extradata.capacity(extradataSize).asByteBuffer());
            rejection = codec == Codec.H264 ? avc.wrap(buf, 0, extradataSize) : hevc.wrap(buf, 0, extradataSize);
            ParameterSetSpans spans = codec == Codec.H264 ? avc.parameterSets() : hevc.parameterSets();
            if (rejection == null) {
                nalLengthSize = codec == Codec.H264 ? avc.nalLengthSize() : hevc.nalLengthSize();
                for (int i = 0; i < spans.count(); i++) {
                    byte[] unit = new byte[spans.length(i)];
                    buf.getBytes(spans.offset(i), unit);
                    parameterSets.add(unit);
                }
            }
            avc.reset();
            hevc.reset();
        }
        return new ContainerTrack(index, codec, string(avcodec_get_name(codecId), "none"),
                string(av_get_media_type_string(par.codec_type()), "unknown"), Math.max(0, par.width()),
                Math.max(0, par.height()), frameRate(stream), Math.max(0, par.bit_rate()), nalLengthSize,
                parameterSets, rejection);
    }

    private static double frameRate(AVStream stream) {
        double rate = rate(stream.avg_frame_rate());
        return rate > 0 ? rate : rate(stream.r_frame_rate());
    }

    private static double rate(AVRational r) {
        if (r == null || r.num() <= 0 || r.den() <= 0) {
            return 0;
        }
        return (double) r.num() / r.den();
    }

    private static String string(BytePointer text, String fallback) {
        if (text == null || text.isNull()) {
            return fallback;
        }
        String s = text.getString();
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
