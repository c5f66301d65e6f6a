package io.airlock.classify;

import io.airlock.wire.Hex;
import io.netty.buffer.ByteBuf;

import java.util.Map;

/** Evidence extraction (interim). */
public final class Evidence {
    private Evidence() {
    }

    public static ClassifiedEvidence describe(Verdict v, ByteBuf buf, int off, int len) {
        return new ClassifiedEvidence("", Map.of("matched_hex", Hex.of(buf, off, len, 32)));
    }
}
