package io.airlock.sim;

import io.airlock.codec.AnnexBScanner;
import io.airlock.codec.Codec;
import io.airlock.codec.NalUnitListener;
import io.airlock.codec.h264.H264Nal;
import io.airlock.codec.h265.H265Nal;
import io.airlock.ingest.FormatSniffer;
import io.airlock.rtp.H264Packetizer;
import io.airlock.rtp.H265Packetizer;
import io.airlock.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An Annex B elementary stream (ITU-T H.264/H.265 Annex B) read once and cut into access units, each already
 * packetized (RFC 6184 / RFC 7798, single NAL unit or FU, MTU {@value #MTU}) with sequence numbers and timestamps
 * zero: a {@link Playout} patches them per session. Every NAL unit is sent intact, SEI included. An access unit
 * starts at an AUD, parameter set or prefix SEI following a slice, or at the first slice of a picture
 * ({@code first_mb_in_slice == 0} / {@code first_slice_segment_in_pic_flag}: the first payload bit is 1).
 */
public final class Clip {

    public static final int MTU = 1400;
    public static final int PAYLOAD_TYPE = 96;
    public static final long MAX_FILE_LENGTH = 256L * 1024 * 1024;

    private final String name;
    private final Codec codec;
    private final List<List<byte[]>> accessUnits;
    private final List<byte[]> parameterSets;

    private Clip(final String name, final Codec codec, final List<List<byte[]>> accessUnits,
            final List<byte[]> parameterSets) {
        this.name = name;
        this.codec = codec;
        this.accessUnits = accessUnits;
        this.parameterSets = parameterSets;
    }

    /** Reads {@code file}; throws IOException with detail when it is not a usable H.264/H.265 Annex B stream. */
    public static Clip load(final Path file) throws IOException {
        final long size = Files.size(file);
        if (size > MAX_FILE_LENGTH) {
            throw new IOException("file too large for the camera simulator file=" + file + " bytes=" + size);
        }
        final ByteBuf buf = Unpooled.wrappedBuffer(Files.readAllBytes(file));
        final Codec codec = FormatSniffer.annexBCodec(buf, 0, buf.readableBytes());
        if (codec != Codec.H264 && codec != Codec.H265) {
            throw new IOException("not an H.264/H.265 Annex B stream file=" + file);
        }
        final Collector c = new Collector(codec);
        final AnnexBScanner scanner = new AnnexBScanner(codec);
        scanner.feed(buf, 0, buf.readableBytes(), 0, c);
        scanner.finish(c);
        c.endAccessUnit();
        if (c.units.isEmpty() || c.parameterSets.isEmpty()) {
            throw new IOException("no pictures or parameter sets found file=" + file);
        }
        String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return new Clip(name, codec, packetize(codec, c.units), c.parameterSets);
    }

    private static List<List<byte[]>> packetize(final Codec codec, final List<List<byte[]>> units) {
        final H264Packetizer h264 = new H264Packetizer(MTU, 0, PAYLOAD_TYPE, 0);
        final H265Packetizer h265 = new H265Packetizer(MTU, 0, PAYLOAD_TYPE, 0);
        final List<List<byte[]>> out = new ArrayList<>(units.size());
        for (List<byte[]> au : units) {
            final List<byte[]> packets = new ArrayList<>();
            for (int i = 0; i < au.size(); i++) {
                final boolean last = i == au.size() - 1;
                final byte[] nal = au.get(i);
                if (codec == Codec.H264 && (nal[0] & 0x1F) >= H264Nal.STAP_A && nal.length > 1) {
                    packets.addAll(twoFragments(nal, last));
                } else {
                    packets.addAll(codec == Codec.H264 ? h264.packetize(nal, 0, last) : h265.packetize(nal, 0, last));
                }
            }
            out.add(packets);
        }
        return out;
    }

    /**
     * An H.264 NAL unit of type 24-31 would be read as an aggregation or fragmentation packet if sent alone (RFC 6184
     * §5.2), so it travels as two FU-A fragments (§5.8: one FU may not carry both start and end) and arrives intact.
     */
    private static List<byte[]> twoFragments(final byte[] nal, final boolean lastOfAccessUnit) {
        final List<byte[]> out = new ArrayList<>(2);
        final int split = 1 + (nal.length - 1) / 2;
        final int[][] parts = {{1, split}, {split, nal.length}};
        for (int k = 0; k < 2; k++) {
            final int n = parts[k][1] - parts[k][0];
            final byte[] p = new byte[RtpPacket.MIN_HEADER_LENGTH + 2 + n];
            p[0] = (byte) (RtpPacket.VERSION << 6);
            p[1] = (byte) ((k == 1 && lastOfAccessUnit ? 0x80 : 0) | PAYLOAD_TYPE);
            p[RtpPacket.MIN_HEADER_LENGTH] = (byte) ((nal[0] & 0xE0) | H264Nal.FU_A);
            p[RtpPacket.MIN_HEADER_LENGTH + 1] = (byte) ((k == 0 ? 0x80 : 0x40) | (nal[0] & 0x1F));
            System.arraycopy(nal, parts[k][0], p, RtpPacket.MIN_HEADER_LENGTH + 2, n);
            out.add(p);
        }
        return out;
    }

    /** File name without extension: the URL path segment. */
    public String name() {
        return name;
    }

    public Codec codec() {
        return codec;
    }

    public int accessUnitCount() {
        return accessUnits.size();
    }

    /** The RTP packets of access unit {@code i} (header fields seq, timestamp and SSRC zero). Do not modify. */
    List<byte[]> packets(final int i) {
        return accessUnits.get(i);
    }

    /** First VPS (H.265), SPS and PPS, as NAL units with header. */
    public List<byte[]> parameterSets() {
        return parameterSets;
    }

    /** The SDP {@code a=fmtp} parameters: {@code sprop-parameter-sets} (RFC 6184) or {@code sprop-vps/sps/pps}. */
    public String fmtp() {
        final Base64.Encoder b64 = Base64.getEncoder();
        if (codec == Codec.H264) {
            final StringBuilder sets = new StringBuilder();
            String profile = null;
            for (byte[] ps : parameterSets) {
                final int type = H264Nal.type(ps[0] & 0xFF);
                if (type == H264Nal.SPS && ps.length >= 4) {
                    profile = String.format("%02X%02X%02X", ps[1] & 0xFF, ps[2] & 0xFF, ps[3] & 0xFF);
                }
                sets.append(sets.length() == 0 ? "" : ",").append(b64.encodeToString(ps));
            }
            return "packetization-mode=1" + (profile == null ? "" : ";profile-level-id=" + profile)
                    + ";sprop-parameter-sets=" + sets;
        }
        final StringBuilder f = new StringBuilder();
        for (byte[] ps : parameterSets) {
            final int type = H265Nal.type(((ps[0] & 0xFF) << 8) | (ps[1] & 0xFF));
            final String key = type == H265Nal.VPS_NUT ? "sprop-vps" : type == H265Nal.SPS_NUT ? "sprop-sps"
                    : "sprop-pps";
            f.append(f.length() == 0 ? "" : ";").append(key).append('=').append(b64.encodeToString(ps));
        }
        return f.toString();
    }

    /** Collects NAL units (header + payload bytes) into access units. */
    private static final class Collector implements NalUnitListener {

        private final Codec codec;
        private final List<List<byte[]>> units = new ArrayList<>();
        private final List<byte[]> parameterSets = new ArrayList<>();
        private final ByteArrayOutputStream nal = new ByteArrayOutputStream();
        private List<byte[]> current = new ArrayList<>();
        private boolean currentHasSlice;
        private int header;

        Collector(final Codec codec) {
            this.codec = codec;
        }

        @Override
        public void nalStart(final int nalHeader, final long sourceOffset) {
            header = nalHeader;
            nal.reset();
            if (codec == Codec.H265) {
                nal.write(nalHeader >>> 8);
            }
            nal.write(nalHeader);
        }

        @Override
        public void nalPayload(final ByteBuf buffer, final int offset, final int length) {
            final byte[] b = new byte[length];
            buffer.getBytes(offset, b);
            nal.write(b, 0, length);
        }

        @Override
        public void nalEnd(final boolean complete) {
            final byte[] unit = nal.toByteArray();
            if (unit.length < codec.nalHeaderLength()) {
                return;
            }
            final boolean vcl;
            final boolean startsUnit;
            final boolean parameterSet;
            if (codec == Codec.H264) {
                final int type = H264Nal.type(header);
                vcl = type >= H264Nal.SLICE_NON_IDR && type <= H264Nal.IDR;
                parameterSet = type == H264Nal.SPS || type == H264Nal.PPS;
                startsUnit = parameterSet || type == H264Nal.AUD || type == H264Nal.SEI;
            } else {
                final int type = H265Nal.type(header);
                vcl = type <= H265Nal.RSV_VCL31;
                parameterSet = type >= H265Nal.VPS_NUT && type <= H265Nal.PPS_NUT;
                startsUnit = parameterSet || type == H265Nal.AUD_NUT || type == H265Nal.PREFIX_SEI_NUT;
            }
            final boolean firstSlice = vcl && unit.length > codec.nalHeaderLength()
                    && (unit[codec.nalHeaderLength()] & 0x80) != 0;
            if (currentHasSlice && (startsUnit || firstSlice)) {
                endAccessUnit();
            }
            if (parameterSet && !hasType(unit)) {
                parameterSets.add(unit);
            }
            current.add(unit);
            currentHasSlice |= vcl;
        }

        private boolean hasType(final byte[] unit) {
            for (byte[] ps : parameterSets) {
                if (typeOf(ps) == typeOf(unit)) {
                    return true;
                }
            }
            return false;
        }

        private int typeOf(final byte[] unit) {
            return codec == Codec.H264 ? unit[0] & 0x1F : (unit[0] >>> 1) & 0x3F;
        }

        void endAccessUnit() {
            if (currentHasSlice) {
                units.add(current);
            }
            current = new ArrayList<>();
            currentHasSlice = false;
        }
    }
}
