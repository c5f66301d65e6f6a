package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H265NalTest {

    @Test
    void shouldSplitTwoByteHeader() {
        int header = 0x4E01; // prefix SEI, LayerId 0, TID 1
        assertThat(H265Nal.type(header)).isEqualTo(H265Nal.PREFIX_SEI_NUT);
        assertThat(H265Nal.layerId(header)).isZero();
        assertThat(H265Nal.temporalIdPlusOne(header)).isEqualTo(1);
        assertThat(H265Nal.forbiddenZeroBit(header)).isZero();
        assertThat(H265Nal.forbiddenZeroBit(0x8000 | header)).isEqualTo(1);
        assertThat(H265Nal.isSei(H265Nal.type(header))).isTrue();
        assertThat(H265Nal.isSei(H265Nal.SUFFIX_SEI_NUT)).isTrue();
    }

    @Test
    void shouldClassifyTypes() {
        for (int type = 0; type < 64; type++) {
            boolean reserved = (type >= 10 && type <= 15) || (type >= 22 && type <= 31) || type >= 41;
            assertThat(H265Nal.isReservedOrUnspecified(type)).as("type %d", type).isEqualTo(reserved);
            assertThat(H265Nal.isKeyframe(type)).as("type %d", type).isEqualTo(type >= 16 && type <= 23);
        }
    }
}
