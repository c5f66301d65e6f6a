package io.airlock.codec.h264;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class H264SpsParserTest {

    private final H264SpsParser sps = new H264SpsParser();

    /** Hikvision IPC sprop-parameter-sets (retina hikvision_describe.txt), Main profile level 4.1. */
    @Test
    void hikvisionSpropSps() {
        byte[] nal = Base64.getDecoder().decode("Z00AKZpkA8ARPyzUBAQFAAADA+gAAOpgBA==");
        assertThat(sps.parse(Unpooled.wrappedBuffer(nal), 0, nal.length)).isNull();
        assertThat(sps.width()).isEqualTo(1920);
        assertThat(sps.height()).isEqualTo(1080);
        assertThat(sps.profileIdc()).isEqualTo(77);
        assertThat(sps.levelIdc()).isEqualTo(41);
        assertThat(sps.chromaFormatIdc()).isEqualTo(1);
        assertThat(sps.fps()).isBetween(0.0, 120.0);
    }

    @Test
    void shouldRejectNonSpsAndTruncation() {
        byte[] nal = Base64.getDecoder().decode("Z00AKZpkA8ARPyzUBAQFAAADA+gAAOpgBA==");
        ByteBuf b = Unpooled.wrappedBuffer(nal);
        for (int len = 0; len < 9; len++) {
            assertThat(sps.parse(b, 0, len)).as("len %d", len).isNotNull();
        }
        b.setByte(0, 0x68);
        assertThat(sps.parse(b, 0, nal.length)).isEqualTo(H264Rejection.NOT_SPS);
    }

    @Test
    void shouldRejectExpGolombLongerThan32Bits() {
        byte[] nal = {0x67, 0x64, 0x00, 0x1F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0, 0};
        assertThat(sps.parse(Unpooled.wrappedBuffer(nal), 0, nal.length)).isNotNull();
    }
}
