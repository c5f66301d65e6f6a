package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RbspBitReaderTest {

    private final RbspBitReader reader = new RbspBitReader();

    @Test
    void shouldReadExpGolombCodes() {
        // bits: 1 | 010 | 011 | 00100 | 00101 | 0001000 -> ue 0, 1, 2, 3; se of 4 = -2; ue 7
        byte[] data = AnnexBScannerTest.bytes(0b1010_0110, 0b0100_0010, 0b1000_1000);
        assertThat(reader.wrap(Unpooled.wrappedBuffer(data), 0, 3)).isTrue();
        assertThat(reader.readUe()).isZero();
        assertThat(reader.readUe()).isEqualTo(1);
        assertThat(reader.readUe()).isEqualTo(2);
        assertThat(reader.readUe()).isEqualTo(3);
        assertThat(reader.readSe()).isEqualTo(-2);
        assertThat(reader.readUe()).isEqualTo(7);
        assertThat(reader.ok()).isTrue();
        reader.readBits(8);
        assertThat(reader.overrun()).isTrue();
    }

    @Test
    void shouldSkipEmulationPreventionBytes() {
        byte[] data = AnnexBScannerTest.bytes(0x00, 0x00, 0x03, 0x01, 0xFF);
        assertThat(reader.wrap(Unpooled.wrappedBuffer(data), 0, 5)).isTrue();
        assertThat(reader.readBits(24)).isEqualTo(0x000001);
        assertThat(reader.readBits(8)).isEqualTo(0xFF);
        assertThat(reader.ok()).isTrue();
    }

    @Test
    void shouldFlagOverlongExpGolombWithoutThrowing() {
        byte[] data = new byte[8];
        data[7] = 1;
        assertThat(reader.wrap(Unpooled.wrappedBuffer(data), 0, 8)).isTrue();
        assertThat(reader.readUe()).isZero();
        assertThat(reader.invalid()).isTrue();
        assertThat(reader.wrap(Unpooled.wrappedBuffer(data), 4, 8)).isFalse();
    }
}
