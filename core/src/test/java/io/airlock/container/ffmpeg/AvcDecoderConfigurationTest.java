package io.airlock.container.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class AvcDecoderConfigurationTest {

    /** avcC as FFmpeg's mp4 muxer writes it for openh264 Constrained Baseline (SPS/PPS shortened). */
    private static final byte[] AVCC = {
        0x01,                               // configurationVersion
        0x42, (byte) 0xC0, 0x0D,            // profile 66, compatibility, level 1.3
        (byte) 0xFF,                        // reserved 111111, lengthSizeMinusOne = 3
        (byte) 0xE1,                        // reserved 111, numOfSequenceParameterSets = 1
        0x00, 0x04,                         // sequenceParameterSetLength
        0x67, 0x42, (byte) 0xC0, 0x0D,      // SPS: nal_unit_type 7 ...
        0x01,                               // numOfPictureParameterSets
        0x00, 0x03,                         // pictureParameterSetLength
        0x68, (byte) 0xCE, 0x3C,            // PPS: nal_unit_type 8 ...
    };

    private final AvcDecoderConfiguration avc = new AvcDecoderConfiguration();

    @Test
    void shouldParseSpsAndPpsAndLengthSize() {
        ByteBuf buf = Unpooled.wrappedBuffer(AVCC);
        assertThat(avc.wrap(buf, 0, AVCC.length)).isNull();
        assertThat(avc.nalLengthSize()).isEqualTo(4);
        ParameterSetSpans spans = avc.parameterSets();
        assertThat(spans.count()).isEqualTo(2);
        assertThat(spans.offset(0)).isEqualTo(8);
        assertThat(spans.length(0)).isEqualTo(4);
        assertThat(buf.getUnsignedByte(spans.offset(1)) & 0x1F).isEqualTo(8);
        assertThat(spans.length(1)).isEqualTo(3);
    }

    @Test
    void shouldRejectSpsLengthPointingPastTheEnd() {
        byte[] bad = AVCC.clone();
        bad[7] = 0x40;                      // sequenceParameterSetLength = 64 > remaining bytes
        assertThat(avc.wrap(Unpooled.wrappedBuffer(bad), 0, bad.length)).isEqualTo(ContainerRejection.LENGTH_OVERRUN);
        assertThat(avc.nalLengthSize()).isZero();
    }

    @Test
    void shouldRejectPpsCountWithoutPpsBytes() {
        assertThat(avc.wrap(Unpooled.wrappedBuffer(AVCC), 0, 13)).isEqualTo(ContainerRejection.LENGTH_OVERRUN);
    }

    @Test
    void shouldAcceptRecordEndingAfterSpsArray() {
        assertThat(avc.wrap(Unpooled.wrappedBuffer(AVCC), 0, 12)).isNull();
        assertThat(avc.parameterSets().count()).isEqualTo(1);
    }

    @Test
    void shouldRejectWrongConfigurationVersionAndShortRecord() {
        byte[] bad = AVCC.clone();
        bad[0] = 2;
        assertThat(avc.wrap(Unpooled.wrappedBuffer(bad), 0, bad.length))
                .isEqualTo(ContainerRejection.BAD_CONFIGURATION_VERSION);
        assertThat(avc.wrap(Unpooled.wrappedBuffer(AVCC), 0, 5)).isEqualTo(ContainerRejection.TOO_SHORT);
    }

    @Test
    void shouldRejectEmptySps() {
        byte[] bad = {0x01, 0x42, 0x00, 0x0D, (byte) 0xFF, (byte) 0xE1, 0x00, 0x00, 0x00};
        assertThat(avc.wrap(Unpooled.wrappedBuffer(bad), 0, bad.length))
                .isEqualTo(ContainerRejection.EMPTY_PARAMETER_SET);
    }

    @Test
    void shouldSplitAnnexBExtradataFromMpegTs() {
        byte[] annexB = {
            0x00, 0x00, 0x00, 0x01,             // 4-byte start code
            0x67, 0x42, (byte) 0xC0, 0x0D,      // SPS
            0x00, 0x00, 0x01,                   // 3-byte start code
            0x68, (byte) 0xCE, 0x3C, 0x00,      // PPS + trailing_zero_8bits
        };
        assertThat(avc.wrap(Unpooled.wrappedBuffer(annexB), 0, annexB.length)).isNull();
        assertThat(avc.nalLengthSize()).isZero();
        assertThat(avc.parameterSets().count()).isEqualTo(2);
        assertThat(avc.parameterSets().offset(1)).isEqualTo(11);
        assertThat(avc.parameterSets().length(1)).isEqualTo(3);
    }

    @Test
    void shouldCapParameterSetsAt64() {
        byte[] many = new byte[6 + 31 * 3 + 1 + 255 * 3];
        many[0] = 1;
        many[4] = (byte) 0xFF;
        many[5] = (byte) 0xFF;              // 31 SPS
        int pos = 6;
        for (int i = 0; i < 31; i++) {
            many[pos + 1] = 1;
            many[pos + 2] = 0x67;
            pos += 3;
        }
        many[pos++] = (byte) 255;           // 255 PPS: exceeds the cap
        for (int i = 0; i < 255; i++) {
            many[pos + 1] = 1;
            many[pos + 2] = 0x68;
            pos += 3;
        }
        assertThat(avc.wrap(Unpooled.wrappedBuffer(many), 0, many.length))
                .isEqualTo(ContainerRejection.TOO_MANY_PARAMETER_SETS);
    }
}
