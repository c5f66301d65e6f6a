package io.airlock.container.ffmpeg;

import io.airlock.codec.Codec;
import io.airlock.wire.Rejection;
import java.util.List;

/**
 * One stream of a demuxed file, as FFmpeg reported it after probing.
 *
 * @param index                  the stream index, equal to {@link ContainerPacket#trackIndex()} of its packets
 * @param codec                  H264, H265, or UNKNOWN for every other codec (audio and data tracks included)
 * @param codecName              FFmpeg's codec name, e.g. "h264", "aac"; "none" when FFmpeg has none
 * @param mediaType              "video", "audio", "data", "subtitle", "attachment" or "unknown"
 * @param width                  pixels, 0 when not video or unknown
 * @param height                 pixels, 0 when not video or unknown
 * @param frameRate              average frames per second, 0 when unknown
 * @param bitRate                bits per second from the container, 0 when unknown
 * @param nalLengthSize          1, 2 or 4 when packets carry length-prefixed NAL units (avcC/hvcC); 0 for Annex B
 *                               (MPEG-TS, raw) or when the extradata is absent or was rejected
 * @param parameterSets          copies of the NAL units in the extradata (SPS/PPS; VPS/SPS/PPS/SEI), header included,
 *                               at most {@link ParameterSetSpans#MAX_PARAMETER_SETS}
 * @param configurationRejection why the extradata was refused, or null when it was accepted or absent
 */
public record ContainerTrack(int index, Codec codec, String codecName, String mediaType, int width, int height,
        double frameRate, long bitRate, int nalLengthSize, List<byte[]> parameterSets,
        Rejection configurationRejection) {

    public ContainerTrack {
        parameterSets = List.copyOf(parameterSets);
    }

    /** True for an H.264 or H.265 track, whose packets Airlock inspects. */
    public boolean isInspectable() {
        return codec != Codec.UNKNOWN;
    }
}
