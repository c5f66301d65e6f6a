package io.airlock.config;

/** Sizes as written in the file: a whole number of bytes, or with a binary unit, {@code 512KiB}, {@code 64MiB}. */
final class Sizes {

    private static final int MAX_DIGITS = 13;
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB"};

    private Sizes() {
    }

    /** The size in bytes, or -1 when {@code text} is not digits optionally followed by B, KiB, MiB or GiB. */
    static long parse(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > MAX_DIGITS) {
            return -1;
        }
        long n = Long.parseLong(text.substring(0, i));
        String unit = text.substring(i).trim();
        if (unit.isEmpty()) {
            return n;
        }
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                return n <= Long.MAX_VALUE >> (10 * u) ? n << (10 * u) : -1;
            }
        }
        return -1;
    }

    /** The shortest exact spelling {@link #parse} reads back: "64MiB", "4096". */
    static String format(long bytes) {
        int u = 0;
        while (u < UNITS.length - 1 && bytes > 0 && bytes % 1024 == 0) {
            bytes /= 1024;
            u++;
        }
        return u == 0 ? Long.toString(bytes) : bytes + UNITS[u];
    }
}
