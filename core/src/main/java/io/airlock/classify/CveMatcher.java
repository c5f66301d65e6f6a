package io.airlock.classify;

import io.airlock.alert.Rule;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** CVE request patterns (interim). */
public final class CveMatcher {
    private CveMatcher() {
    }

    public static Rule match(ByteBuf buf, int off, int len) {
        String s = buf.toString(off, Math.min(len, 2048), StandardCharsets.ISO_8859_1);
        if (s.contains("/SDK/webLanguage")) {
            return Rule.CVE_2021_36260;
        }
        if (s.contains("auth=YWRtaW46MTEK")) {
            return Rule.CVE_2017_7921;
        }
        return null;
    }
}
