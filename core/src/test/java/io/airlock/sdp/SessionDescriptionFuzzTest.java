package io.airlock.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDescriptionFuzzTest {

    private static final String SEED = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=Media Server\r\na=control:*\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H265/90000\r\na=fmtp:96 sprop-vps=QAEMAf//AWAAAAMAsAAAAwAAAwBarAw"
            + "AAAMABAAAAwAyqA==; sprop-sps=QgEB\r\na=control:trackID=0\r\na=recvonly\r\n";

    @FuzzTest(maxDuration = "30s")
    void fuzzSessionDescription(final byte[] data) {
        final SessionDescription sd = SessionDescription.parse(new String(data, StandardCharsets.ISO_8859_1));
        assertThat(sd.media().size()).isLessThanOrEqualTo(SessionDescription.MAX_MEDIA);
        assertThat(sd.problems().size()).isLessThanOrEqualTo(SessionDescription.MAX_PROBLEMS);
        for (MediaDescription m : sd.media()) {
            m.encodingName();
            m.clockRate();
            m.fmtpParameter("packetization-mode");
            m.direction();
            assertThat(m.payloadType()).isBetween(-1, 127);
            SessionDescription.resolveControl(sd.control(), sd.control(), m.control());
        }
    }

    @Test
    void shouldSurviveMutatedSdp() {
        final byte[] seed = SEED.getBytes(StandardCharsets.ISO_8859_1);
        final Random random = new Random(7);
        for (int round = 0; round < 5000; round++) {
            final byte[] d = java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            for (int i = 0; i < 4 && d.length > 0; i++) {
                d[random.nextInt(d.length)] = (byte) random.nextInt(256);
            }
            fuzzSessionDescription(d);
        }
    }
}
