package io.airlock.container.imkh;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaInfoHeaderTest {

    /** Typical Hikvision IPC with G.711u audio (threat-signatures §2.1 table, row 2). */
    @Test
    void hikvisionIpcWithG711uAudio() {
        final byte[] header = {
            0x49, 0x4D, 0x4B, 0x48,         // media_fourcc "IMKH"
            0x01, 0x01,                     // media_version 0x0101
            0x00, 0x00,                     // device_id 0
            0x04, 0x00,                     // system_format 4 RTP
            0x01, 0x00,                     // video_format 1 H.264
            0x10, 0x71,                     // audio_format 0x7110 G.711u
            0x01,                           // audio_channels 1
            0x10,                           // audio_bits_per_sample 16
            0x40, 0x1F, 0x00, 0x00,         // audio_samplesrate 8000
            0x00, (byte) 0xFA, 0x00, 0x00,  // audio_bitrate 64000
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // reserved[4]
        };
        assertThat(MediaInfoHeader.probe(Unpooled.wrappedBuffer(header), 0, header.length)).isTrue();
        final MediaInfoHeader h = new MediaInfoHeader();
        assertThat(h.wrap(Unpooled.wrappedBuffer(header), 0, header.length)).isNull();
        assertThat(h.version()).isEqualTo(0x0101);
        assertThat(h.systemFormat()).isEqualTo(4);
        assertThat(h.audioFormatName()).isEqualTo("G.711u");
        assertThat(h.audioChannels()).isEqualTo(1);
        assertThat(h.audioBitsPerSample()).isEqualTo(16);
        assertThat(h.audioSampleRate()).isEqualTo(8000);
        assertThat(h.audioBitrate()).isEqualTo(64000);
        assertThat(h.reservedZero()).isTrue();
        assertThat(h.describe()).isEqualTo("IMKH v1.01 system=RTP video=H.264 audio=G.711u 1ch 16bit 8000Hz 64000bps");
    }

    @Test
    void hikMediaServerVersion102FromSdpHex() {
        final MediaInfoHeader h = MediaInfoHeader.fromHex(
                "494D4B4802010000040000010120021040 1F0000".replace(" ", "") + "0".repeat(40) + ";");
        assertThat(h).isNotNull();
        assertThat(h.versionMajor()).isEqualTo(1);
        assertThat(h.versionMinor()).isEqualTo(2);
        assertThat(h.videoFormatName()).isEqualTo("AVC264");
        assertThat(h.audioFormatName()).isEqualTo("AAC");
        assertThat(h.describe()).startsWith("IMKH v1.02 system=RTP video=AVC264 audio=AAC 2ch");
    }

    @Test
    void anjvisionCloneHevcFromSdpHex() {
        final MediaInfoHeader h = MediaInfoHeader.fromHex(
                "494D4B48010100000400050000000000000000000000000000000000000000000000000000000000;");
        assertThat(h.describe()).isEqualTo("IMKH v1.01 system=RTP video=HEVC audio=none");
    }

    @Test
    void shouldRejectShortOrWrongMagic() {
        final MediaInfoHeader h = new MediaInfoHeader();
        assertThat(h.wrap(Unpooled.wrappedBuffer(new byte[39]), 0, 39)).isEqualTo(ImkhRejection.TOO_SHORT);
        assertThat(h.wrap(Unpooled.wrappedBuffer(new byte[40]), 0, 40)).isEqualTo(ImkhRejection.BAD_MAGIC);
        assertThat(h.wrap(Unpooled.wrappedBuffer(new byte[40]), 10, 40)).isEqualTo(ImkhRejection.TOO_SHORT);
        assertThat(MediaInfoHeader.probe(Unpooled.wrappedBuffer(new byte[3]), 0, 3)).isFalse();
        assertThat(MediaInfoHeader.fromHex("494D4B48")).isNull();
        assertThat(MediaInfoHeader.fromHex("ZZ" + "0".repeat(78))).isNull();
        assertThat(MediaInfoHeader.fromHex("0".repeat(80))).isNull();
        assertThat(h.toString()).isEqualTo("IMKH (unwrapped)");
    }
}
