package io.airlock.codec;

import java.io.ByteArrayOutputStream;

/**
 * Builds Annex B byte streams (ITU-T H.264 Annex B, §7.4.1 emulation prevention) for test data and the camera
 * simulator: {@code 00 00 00 01} + NAL header + escaped payload. Not for the packet path: it allocates.
 *
 * <pre>
 * RBSP:    ... 00 00 {00|01|02|03} ...      escaped: ... 00 00 03 {00|01|02|03} ...
 * </pre>
 */
public final class AnnexBWriter {

    public static final byte[] START_CODE = {0, 0, 0, 1};
    private static final int EMULATION_PREVENTION_BYTE = 3;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Codec codec;

    public AnnexBWriter(Codec codec) {
        this.codec = codec;
    }

    /** Inserts emulation-prevention bytes so that no {@code 00 00 0x} (x <= 3) remains; appends 03 after a final 00. */
    public static byte[] escape(byte[] rbsp) {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(rbsp.length + rbsp.length / 64 + 2);
        int zeros = 0;
        for (byte value : rbsp) {
            int b = value & 0xFF;
            if (zeros >= 2 && b <= EMULATION_PREVENTION_BYTE) {
                escaped.write(EMULATION_PREVENTION_BYTE);
                zeros = 0;
            }
            escaped.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        if (rbsp.length > 0 && rbsp[rbsp.length - 1] == 0) {
            escaped.write(EMULATION_PREVENTION_BYTE);
        }
        return escaped.toByteArray();
    }

    /** One escaped NAL unit without start code: header ({@link Codec#nalHeaderLength()} bytes) + escaped RBSP. */
    public static byte[] nal(Codec codec, int header, byte[] rbsp) {
        byte[] payload = escape(rbsp);
        int headerLength = codec.nalHeaderLength();
        byte[] nal = new byte[headerLength + payload.length];
        if (headerLength == 2) {
            nal[0] = (byte) (header >>> 8);
            nal[1] = (byte) header;
        } else {
            nal[0] = (byte) header;
        }
        System.arraycopy(payload, 0, nal, headerLength, payload.length);
        return nal;
    }

    /** Appends a start code and the unit built from {@code header} and unescaped {@code rbsp}. */
    public AnnexBWriter unit(int header, byte[] rbsp) {
        return escapedUnit(nal(codec, header, rbsp));
    }

    /** Appends a start code and an already escaped NAL unit (header included). */
    public AnnexBWriter escapedUnit(byte[] nal) {
        out.writeBytes(START_CODE);
        out.writeBytes(nal);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public void reset() {
        out.reset();
    }
}
