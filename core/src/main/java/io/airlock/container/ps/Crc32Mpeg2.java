package io.airlock.container.ps;

/** CRC-32/MPEG-2 (ISO/IEC 13818-1 Annex A: polynomial 0x04C11DB7, initial 0xFFFFFFFF, no reflection, no xor-out). */
final class Crc32Mpeg2 {

    private static final int POLYNOMIAL = 0x04C11DB7;

    private Crc32Mpeg2() {
    }

    /** The CRC of {@code length} bytes from {@code offset}, as an unsigned 32-bit value. */
    static long of(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = crc < 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
        }
        return crc & 0xFFFFFFFFL;
    }
}
