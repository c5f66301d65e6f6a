package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class H265SpsParserTest {

    private final H265SpsParser sps = new H265SpsParser();

    /** Dahua H.265 sprop-sps (retina dahua_describe_h265_pcma.txt). */
    @Test
    void dahuaSpropSps() {
        byte[] nal = Base64.getDecoder().decode("QgEBAWAAAAMAsAAAAwAAAwBaoAWCAeFja5JFL83BQYFBAAADAAEAAAMADKE=");
        assertThat(sps.parse(Unpooled.wrappedBuffer(nal), 0, nal.length)).isNull();
        assertThat(sps.profileIdc()).isEqualTo(1);
        assertThat(sps.levelIdc()).isEqualTo(90);
        assertThat(sps.chromaFormatIdc()).isEqualTo(1);
        assertThat(sps.width()).isEqualTo(704);
        assertThat(sps.height()).isEqualTo(480);
        assertThat(sps.fps()).isBetween(0.0, 120.0);
    }

    @Test
    void shouldRejectTruncatedAndNonSps() {
        byte[] nal = Base64.getDecoder().decode("QgEBAWAAAAMAsAAAAwAAAwBaoAWCAeFja5JFL83BQYFBAAADAAEAAAMADKE=");
        for (int len = 0; len < 20; len++) {
            assertThat(sps.parse(Unpooled.wrappedBuffer(nal), 0, len)).as("len %d", len).isNotNull();
        }
        nal[0] = 0x40;
        assertThat(sps.parse(Unpooled.wrappedBuffer(nal), 0, nal.length)).isEqualTo(H265Rejection.NOT_SPS);
    }
}
