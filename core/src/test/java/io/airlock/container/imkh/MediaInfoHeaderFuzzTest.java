package io.airlock.container.imkh;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.wire.Rejection;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MediaInfoHeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fuzzMediaInfoHeader(final byte[] data) {
        final MediaInfoHeader h = new MediaInfoHeader();
        final Rejection r = h.wrap(Unpooled.wrappedBuffer(data), 0, data.length);
        assertThat(r == null).isEqualTo(data.length >= MediaInfoHeader.LENGTH
                && MediaInfoHeader.probe(Unpooled.wrappedBuffer(data), 0, data.length));
        if (r == null) {
            assertThat(h.describe()).startsWith("IMKH v");
            assertThat(h.audioSampleRate()).isBetween(0L, 0xFFFFFFFFL);
        }
        final MediaInfoHeader fromText = MediaInfoHeader.fromHex(new String(data, StandardCharsets.ISO_8859_1));
        if (fromText != null) {
            fromText.describe();
        }
    }

    @Test
    void shouldSurviveRandomHeaders() {
        final Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            final byte[] d = new byte[random.nextInt(48)];
            random.nextBytes(d);
            if (d.length >= 4 && random.nextBoolean()) {
                d[0] = 'I';
                d[1] = 'M';
                d[2] = 'K';
                d[3] = 'H';
            }
            fuzzMediaInfoHeader(d);
        }
    }
}
