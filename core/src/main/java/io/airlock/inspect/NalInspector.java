package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.codec.NalUnitListener;
import io.airlock.codec.SeiReader;
import io.airlock.codec.h264.H264Nal;
import io.airlock.codec.h264.H264SpsParser;
import io.airlock.codec.h265.H265Nal;
import io.airlock.codec.h265.H265SpsParser;
import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Inspects the NAL units of one stream, whatever framing they came in (RTP, Annex B, PS, DHAV, a container): header
 * rules (MED-03, MED-07), SEI rules (MED-02, MED-06, MED-08), picture size from the SPS, and frame/GOP counting.
 *
 * <p>Only SEI and SPS units are copied, into a bounded per-stream scratch buffer, because their bytes may arrive in
 * several fragments; slice data is never copied: a picture boundary needs only the first payload bit.
 */
final class NalInspector implements NalUnitListener {

    /** SEI and SPS larger than this are inspected by their first bytes only. */
    static final int MAX_COLLECTED = 64 * 1024;
    private static final int UUID_LENGTH = 16;

    private final MediaStream stream;
    private final InspectionContext context;
    private final SeiReader sei = new SeiReader();
    private final H264SpsParser sps264 = new H264SpsParser();
    private final H265SpsParser sps265 = new H265SpsParser();
    private final byte[] seiPayload = new byte[Hex.MAX_EVIDENCE_BYTES];
    private ByteBuf scratch;
    private int profileIdc = -1;
    private int levelIdc = -1;
    private String profileText;

    private Codec codec;
    private int header;
    private int type;
    private long nalOffset;
    private boolean collect;
    private boolean vcl;
    private boolean firstPayload;

    NalInspector(MediaStream stream, InspectionContext context) {
        this.stream = stream;
        this.context = context;
    }

    @Override
    public void nalStart(int header, long sourceOffset) {
        this.codec = stream.codec();
        this.header = header;
        this.nalOffset = sourceOffset >= 0 ? sourceOffset : context.sourceOffset();
        this.firstPayload = true;
        stream.stats().onNalUnit();
        boolean forbidden;
        boolean reserved;
        if (codec == Codec.H265) {
            type = H265Nal.type(header);
            forbidden = H265Nal.forbiddenZeroBit(header) != 0;
            reserved = H265Nal.isReservedOrUnspecified(type);
            collect = type == H265Nal.PREFIX_SEI_NUT || type == H265Nal.SUFFIX_SEI_NUT || type == H265Nal.SPS_NUT;
            vcl = type < H265Nal.VPS_NUT;
        } else {
            type = H264Nal.type(header);
            forbidden = H264Nal.forbiddenZeroBit(header) != 0;
            reserved = H264Nal.isReservedOrUnspecified(type);
            collect = type == H264Nal.SEI || type == H264Nal.SPS;
            vcl = type >= 1 && type <= 5;
        }
        if (forbidden) {
            forbiddenBit();
        }
        if (reserved) {
            reservedType();
        }
        if (collect) {
            scratch().clear();
            if (!isSei()) {
                // The SPS parsers read the whole unit, header included.
                if (codec == Codec.H265) {
                    scratch.writeShort(header);
                } else {
                    scratch.writeByte(header);
                }
            }
        }
    }

    private boolean isSei() {
        return codec == Codec.H265 ? type == H265Nal.PREFIX_SEI_NUT || type == H265Nal.SUFFIX_SEI_NUT
                : type == H264Nal.SEI;
    }

    @Override
    public void nalPayload(ByteBuf buffer, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (firstPayload) {
            firstPayload = false;
            // first_mb_in_slice == 0 (H.264 ue(v) "1") / first_slice_segment_in_pic_flag (H.265): a new picture.
            if (vcl && (buffer.getUnsignedByte(offset) & 0x80) != 0) {
                stream.stats().onFrame(codec == Codec.H265 ? H265Nal.isKeyframe(type) : H264Nal.isKeyframe(type));
            }
        }
        if (collect) {
            int room = MAX_COLLECTED - scratch.writerIndex();
            if (room > 0) {
                scratch.writeBytes(buffer, offset, Math.min(room, length));
            }
        }
    }

    @Override
    public void nalEnd(boolean complete) {
        if (!collect) {
            return;
        }
        collect = false;
        if (isSei()) {
            onSei();
        } else {
            onSps();
        }
    }

    private void onSps() {
        if (codec == Codec.H265) {
            if (sps265.parse(scratch, 0, scratch.writerIndex()) == null) {
                stream.stats().onSps(sps265.width(), sps265.height(),
                        profileText(sps265.profileIdc(), sps265.levelIdc(), 30.0), sps265.fps());
            } else {
                stream.stats().onRejected();
            }
        } else if (sps264.parse(scratch, 0, scratch.writerIndex()) == null) {
            stream.stats().onSps(sps264.width(), sps264.height(),
                    profileText(sps264.profileIdc(), sps264.levelIdc(), 10.0), sps264.fps());
        } else {
            stream.stats().onRejected();
        }
    }

    /** Cameras repeat the SPS before every keyframe: build the text only when profile or level changed. */
    private String profileText(int profile, int level, double levelScale) {
        if (profileText == null || profile != profileIdc || level != levelIdc) {
            profileIdc = profile;
            levelIdc = level;
            profileText = "profile " + profile + " level " + level / levelScale;
        }
        return profileText;
    }

    private void onSei() {
        Rejection r = sei.wrap(codec, scratch, 0, scratch.writerIndex());
        if (r != null) {
            context.rejections().increment(r);
            return;
        }
        while (sei.next()) {
            int payloadType = sei.payloadType();
            stream.stats().onSei(payloadType);
            if (payloadType == SeiPolicy.USER_DATA_UNREGISTERED && sei.isUserDataUnregistered()) {
                userDataUnregistered();
            } else if (!SeiPolicy.allowed(codec, payloadType)) {
                undefinedSeiType(payloadType);
            }
        }
        if (sei.rejection() != null) {
            context.rejections().increment(sei.rejection());
        }
    }

    private void userDataUnregistered() {
        long msb = sei.uuidMostSignificantBits();
        long lsb = sei.uuidLeastSignificantBits();
        String encoder = SeiPolicy.knownEncoder(msb, lsb);
        Rule rule = encoder != null ? Rule.MED_08 : Rule.MED_06;
        Finding f = context.hit(rule, stream, stream.identity(), nalOffset);
        if (f == null) {
            return;
        }
        int n = sei.copyPayload(seiPayload, seiPayload.length);
        String uuid = SeiPolicy.uuid(msb, lsb);
        f.detail("uuid", uuid).detail("payload_size", sei.payloadSize() - UUID_LENGTH)
                .detail("payload_text", printable(seiPayload, n)).matched(Hex.of(seiPayload, 0, n));
        if (encoder != null) {
            f.detail("encoder", encoder).summary("SEI user data from " + encoder + " (uuid " + uuid + ")");
            stream.stats().fingerprint("encoder " + encoder);
        } else {
            f.summary("SEI user_data_unregistered with unknown uuid " + uuid);
        }
        context.report(stream, f);
    }

    private void undefinedSeiType(int payloadType) {
        Finding f = context.hit(Rule.MED_02, stream, stream.identity(), nalOffset);
        if (f == null) {
            return;
        }
        int n = sei.copyPayload(seiPayload, seiPayload.length);
        f.detail("payload_type", payloadType).detail("payload_size", sei.payloadSize())
                .detail("meaning", SeiPolicy.describe(payloadType)).matched(Hex.of(seiPayload, 0, n))
                .summary("SEI payload type " + payloadType + " (" + SeiPolicy.describe(payloadType) + ")");
        if (payloadType == SeiPolicy.HISILICON) {
            stream.stats().fingerprint("HiSilicon encoder (SEI 229)");
        }
        context.report(stream, f);
    }

    private void forbiddenBit() {
        Finding f = context.hit(Rule.MED_07, stream, stream.identity(), nalOffset);
        if (f != null) {
            context.report(stream, f.detail("nal_header", headerHex()).detail("nal_type", type)
                    .matched(headerHex()).summary("NAL header " + headerHex() + " has forbidden_zero_bit set"));
        }
    }

    private void reservedType() {
        Finding f = context.hit(Rule.MED_03, stream, stream.identity(), nalOffset);
        if (f != null) {
            context.report(stream, f.detail("nal_type", type).detail("nal_header", headerHex()).matched(headerHex())
                    .summary(codec.displayName() + " NAL unit type " + type + " is reserved or unspecified"));
        }
    }

    private String headerHex() {
        return codec == Codec.H265 ? String.format("%04x", header & 0xFFFF) : String.format("%02x", header & 0xFF);
    }

    private ByteBuf scratch() {
        if (scratch == null) {
            scratch = Unpooled.buffer(256, MAX_COLLECTED);
        }
        return scratch;
    }

    private static String printable(byte[] bytes, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.toString();
    }
}
