package io.airlock.codec;

import io.airlock.codec.h264.H264Nal;
import io.airlock.codec.h265.H265Nal;
import java.io.ByteArrayOutputStream;

/**
 * Builds one SEI NAL unit (ITU-T H.264 §7.3.2.3, H.265 §7.3.5: an H.265 prefix SEI) from messages, for test data and
 * the camera simulator. Not for the packet path: it allocates.
 *
 * <pre>
 * [NAL header][ff.. payloadType][ff.. payloadSize][payload]...[0x80 rbsp_trailing_bits], then escaped
 * </pre>
 */
public final class SeiWriter {

    /** H.265 prefix SEI header: type 39, LayerId 0, TID 1. */
    public static final int H265_PREFIX_SEI_HEADER = (H265Nal.PREFIX_SEI_NUT << 9) | 1;
    /** H.264 SEI header: NRI 0, type 6. */
    public static final int H264_SEI_HEADER = H264Nal.SEI;

    private final Codec codec;
    private final ByteArrayOutputStream rbsp = new ByteArrayOutputStream();

    public SeiWriter(Codec codec) {
        this.codec = codec;
    }

    /** Appends a message with the given payloadType and raw (unescaped) payload. */
    public SeiWriter message(int payloadType, byte[] payload) {
        writeFfCoded(payloadType);
        writeFfCoded(payload.length);
        rbsp.writeBytes(payload);
        return this;
    }

    /** Appends a user_data_unregistered message (payloadType 5): 16-byte UUID then {@code data}. */
    public SeiWriter userDataUnregistered(long uuidMsb, long uuidLsb, byte[] data) {
        byte[] payload = new byte[SeiReader.UUID_LENGTH + data.length];
        for (int i = 0; i < 8; i++) {
            payload[i] = (byte) (uuidMsb >>> (56 - 8 * i));
            payload[8 + i] = (byte) (uuidLsb >>> (56 - 8 * i));
        }
        System.arraycopy(data, 0, payload, SeiReader.UUID_LENGTH, data.length);
        return message(SeiReader.USER_DATA_UNREGISTERED, payload);
    }

    /** The escaped NAL unit, header included, ending with rbsp_trailing_bits. */
    public byte[] toNal() {
        byte[] body = rbsp.toByteArray();
        byte[] withTrailing = new byte[body.length + 1];
        System.arraycopy(body, 0, withTrailing, 0, body.length);
        withTrailing[body.length] = (byte) SeiReader.RBSP_STOP_BYTE;
        int header = codec == Codec.H265 ? H265_PREFIX_SEI_HEADER : H264_SEI_HEADER;
        return AnnexBWriter.nal(codec, header, withTrailing);
    }

    private void writeFfCoded(int value) {
        int v = value;
        while (v >= 255) {
            rbsp.write(0xFF);
            v -= 255;
        }
        rbsp.write(v);
    }
}
