package io.airlock.sdp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Small helpers shared by the SDP classes. */
final class SdpLines {

    static final int MAX_PARAMETER_SETS = 32;

    private SdpLines() {
    }

    static String first(final List<SdpAttribute> attributes, final String name) {
        for (int i = 0; i < attributes.size(); i++) {
            final SdpAttribute a = attributes.get(i);
            if (a.name().equalsIgnoreCase(name)) {
                return a.value();
            }
        }
        return null;
    }

    /** RFC 6184 §8.1 / RFC 7798 §7.1: comma-separated base64; null when any element is not valid base64. */
    static List<byte[]> decodeBase64List(final String value) {
        final List<byte[]> out = new ArrayList<>(4);
        if (value == null) {
            return out;
        }
        int start = 0;
        while (start <= value.length() && out.size() < MAX_PARAMETER_SETS) {
            int comma = value.indexOf(',', start);
            if (comma < 0) {
                comma = value.length();
            }
            final String item = value.substring(start, comma).trim();
            start = comma + 1;
            if (item.isEmpty()) {
                continue;
            }
            try {
                final byte[] bytes = Base64.getDecoder().decode(item);
                if (bytes.length == 0) {
                    return null;
                }
                out.add(bytes);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }
}
