package io.airlock.codec.h264;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H264NalTest {

    @Test
    void shouldSplitHeaderFields() {
        int header = 0x65; // F=0 NRI=3 type 5
        assertThat(H264Nal.type(header)).isEqualTo(H264Nal.IDR);
        assertThat(H264Nal.nalRefIdc(header)).isEqualTo(3);
        assertThat(H264Nal.forbiddenZeroBit(header)).isZero();
        assertThat(H264Nal.forbiddenZeroBit(0x85)).isEqualTo(1);
        assertThat(H264Nal.isKeyframe(H264Nal.type(header))).isTrue();
        assertThat(H264Nal.isSei(H264Nal.type(0x06))).isTrue();
    }

    @Test
    void shouldFollowCurrentTable71ForReservedAndUnspecifiedTypes() {
        for (int type = 0; type < 32; type++) {
            boolean expected = type == 0 || type == 17 || type == 18 || type == 22 || type == 23 || type >= 24;
            assertThat(H264Nal.isReservedOrUnspecified(type)).as("type %d", type).isEqualTo(expected);
        }
    }
}
