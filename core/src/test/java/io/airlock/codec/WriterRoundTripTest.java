package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WriterRoundTripTest {

    @Test
    void shouldInsertEmulationPreventionBytes() {
        assertThat(AnnexBWriter.escape(AnnexBScannerTest.bytes(0, 0, 1, 0, 0, 0, 0, 0, 3, 0x80, 0, 0)))
                .containsExactly(0, 0, 3, 1, 0, 0, 3, 0, 0, 3, 0, 3, 0x80, 0, 0, 3);
        assertThat(AnnexBWriter.escape(AnnexBScannerTest.bytes(0, 0, 4))).containsExactly(0, 0, 4);
    }

    @Test
    void shouldRoundTripSeiWithEmulationPreventionThroughScannerAndReader() {
        byte[] hostile = AnnexBScannerTest.bytes(0, 0, 1, 0, 0, 0, 0x80, 0, 0, 3);
        SeiWriter writer = new SeiWriter(Codec.H265)
                .message(229, new byte[] {0x61, 0x0C, 0x00, 0x00})
                .userDataUnregistered(0x47564adc5c4c433fL, 0x94efc5113cd143a8L, hostile)
                .message(300, new byte[600]);
        byte[] stream = new AnnexBWriter(Codec.H265).escapedUnit(writer.toNal()).toByteArray();
        RecordingListener out = AnnexBScannerTest.scan(Codec.H265, stream);
        assertThat(out.starts).isEqualTo(1);
        assertThat(out.events.get(0)).startsWith("4e01:");
        byte[] nal = writer.toNal();
        SeiReader sei = new SeiReader();
        assertThat(sei.wrap(Codec.H265, Unpooled.wrappedBuffer(nal), 2, nal.length - 2)).isNull();
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(229);
        assertThat(sei.next()).isTrue();
        assertThat(sei.isUserDataUnregistered()).isTrue();
        assertThat(sei.uuidMostSignificantBits()).isEqualTo(0x47564adc5c4c433fL);
        byte[] dst = new byte[32];
        assertThat(sei.copyPayload(dst, 32)).isEqualTo(hostile.length);
        assertThat(java.util.Arrays.copyOf(dst, hostile.length)).isEqualTo(hostile);
        assertThat(sei.next()).isTrue();
        assertThat(sei.payloadType()).isEqualTo(300);
        assertThat(sei.payloadSize()).isEqualTo(600);
        assertThat(sei.next()).isFalse();
        assertThat(sei.rejection()).isNull();
    }

    @Test
    void shouldRoundTripRandomUnitsThroughAnnexBScanner() {
        Random random = new Random(7);
        AnnexBWriter writer = new AnnexBWriter(Codec.H264);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            byte[] rbsp = new byte[random.nextInt(40)];
            for (int j = 0; j < rbsp.length; j++) {
                rbsp[j] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(4));
            }
            writer.unit(0x41, rbsp);
        }
        byte[] stream = writer.toByteArray();
        RecordingListener whole = AnnexBScannerTest.scan(Codec.H264, stream);
        assertThat(whole.starts).isEqualTo(50);
        assertThat(whole.annexB.toByteArray()).isEqualTo(stream);
        for (int k = 0; k < 20; k++) {
            int a = random.nextInt(stream.length);
            int b = a + random.nextInt(stream.length - a + 1);
            assertThat(AnnexBScannerTest.scan(Codec.H264, stream, a, b).events).isEqualTo(whole.events);
        }
    }
}
