package io.airlock.config;

/** Quoting user text in problem messages: control characters escaped, length capped. */
final class Text {

    private static final int MAX_QUOTED = 60;

    private Text() {
    }

    /** {@code s} fit to quote in a one-line message. Never pass secret values here. */
    static String safe(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_QUOTED) + 3);
        for (int i = 0; i < s.length() && i < MAX_QUOTED; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return s.length() > MAX_QUOTED ? sb.append("...").toString() : sb.toString();
    }

    /** Whether {@code s} holds a control character or whitespace other than plain spaces. */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with control characters (a YAML library message may quote one) replaced by spaces. */
    static String oneLine(String s) {
        return hasControl(s) ? s.replaceAll("\\p{Cntrl}", " ") : s;
    }
}
