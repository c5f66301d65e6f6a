package io.airlock.container.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class HevcDecoderConfigurationTest {

    private static byte[] hvcc() {
        byte[] header = {
            0x01,                                       // configurationVersion
            0x01,                                       // profile_space 0, tier 0, profile_idc 1 (Main)
            0x60, 0x00, 0x00, 0x00,                     // profile_compatibility_flags
            (byte) 0x90, 0x00, 0x00, 0x00, 0x00, 0x00,  // constraint_indicator_flags
            0x3C,                                       // level_idc 60 (level 2)
            (byte) 0xF0, 0x00,                          // min_spatial_segmentation_idc
            (byte) 0xFC,                                // parallelismType
            (byte) 0xFD,                                // chromaFormat 4:2:0
            (byte) 0xF8, (byte) 0xF8,                   // bit depths 8
            0x00, 0x00,                                 // avgFrameRate
            0x0F,                                       // constantFrameRate 0, 1 layer, nested, lengthSizeMinusOne 3
            0x03,                                       // numOfArrays
            (byte) 0xA0, 0x00, 0x01, 0x00, 0x03, 0x40, 0x01, 0x0C,   // VPS array: 1 unit, 3 bytes
            (byte) 0xA1, 0x00, 0x01, 0x00, 0x03, 0x42, 0x01, 0x01,   // SPS array: 1 unit, 3 bytes
            (byte) 0xA2, 0x00, 0x01, 0x00, 0x03, 0x44, 0x01, (byte) 0xC1, // PPS array: 1 unit, 3 bytes
        };
        return header;
    }

    private final HevcDecoderConfiguration hevc = new HevcDecoderConfiguration();

    @Test
    void shouldParseVpsSpsPpsAndLengthSize() {
        byte[] bytes = hvcc();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        assertThat(hevc.wrap(buf, 0, bytes.length)).isNull();
        assertThat(hevc.nalLengthSize()).isEqualTo(4);
        ParameterSetSpans spans = hevc.parameterSets();
        assertThat(spans.count()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat((buf.getUnsignedByte(spans.offset(i)) >> 1) & 0x3F).isEqualTo(32 + i);
            assertThat(spans.length(i)).isEqualTo(3);
        }
    }

    @Test
    void shouldRejectNaluLengthPointingPastTheEnd() {
        byte[] bytes = hvcc();
        bytes[bytes.length - 4] = 0x10;     // last nalUnitLength = 16
        assertThat(hevc.wrap(Unpooled.wrappedBuffer(bytes), 0, bytes.length))
                .isEqualTo(ContainerRejection.LENGTH_OVERRUN);
    }

    @Test
    void shouldRejectArrayCountBeyondTheRecord() {
        byte[] bytes = hvcc();
        bytes[22] = (byte) 0xFF;            // numOfArrays = 255
        assertThat(hevc.wrap(Unpooled.wrappedBuffer(bytes), 0, bytes.length))
                .isEqualTo(ContainerRejection.LENGTH_OVERRUN);
    }

    @Test
    void shouldRejectShortRecordAndWrongVersion() {
        byte[] bytes = hvcc();
        assertThat(hevc.wrap(Unpooled.wrappedBuffer(bytes), 0, 22)).isEqualTo(ContainerRejection.TOO_SHORT);
        bytes[0] = 0;
        assertThat(hevc.wrap(Unpooled.wrappedBuffer(bytes), 0, bytes.length))
                .isEqualTo(ContainerRejection.BAD_CONFIGURATION_VERSION);
    }

    @Test
    void shouldRejectOversizedExtradataWithoutReadingIt() {
        ByteBuf huge = Unpooled.wrappedBuffer(new byte[AvcDecoderConfiguration.MAX_EXTRADATA_LENGTH + 1]);
        assertThat(hevc.wrap(huge, 0, huge.capacity())).isEqualTo(ContainerRejection.TOO_LONG);
    }
}
