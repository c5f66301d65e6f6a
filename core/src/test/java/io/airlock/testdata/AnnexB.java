package io.airlock.testdata;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal Annex B (ITU-T H.264 Annex B, H.265 Annex B) splitter and writer for generating test recordings. Test code
 * only: it trusts its input, which the generator produced itself.
 */
final class AnnexB {

    private AnnexB() {
    }

    /** Splits on 3- and 4-byte start codes; returns the NAL units without start codes (trailing zeros trimmed). */
    static List<byte[]> split(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    units.add(trimmed(stream, start, i));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            units.add(trimmed(stream, start, stream.length));
        }
        return units;
    }

    private static byte[] trimmed(byte[] stream, int from, int to) {
        int end = to;
        // The zero_byte of a following 4-byte start code (and trailing_zero_8bits) belongs to no NAL unit.
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        byte[] unit = new byte[end - from];
        System.arraycopy(stream, from, unit, 0, unit.length);
        return unit;
    }

    /** Writes every unit with a 4-byte start code. */
    static byte[] join(List<byte[]> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] unit : units) {
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }

    /** Inserts emulation_prevention_three_byte (ITU-T H.264 §7.4.1): 00 00 0x (x &lt;= 3) becomes 00 00 03 0x. */
    static byte[] escape(byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + 8);
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** A NAL unit: header bytes followed by the escaped RBSP. */
    static byte[] nal(byte[] header, byte[] rbsp) {
        byte[] escaped = escape(rbsp);
        byte[] unit = new byte[header.length + escaped.length];
        System.arraycopy(header, 0, unit, 0, header.length);
        System.arraycopy(escaped, 0, unit, header.length, escaped.length);
        return unit;
    }

    /** 16 bytes of a UUID written as 32 hex digits with optional hyphens. */
    static byte[] uuid(String text) {
        String hex = text.replace("-", "");
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
