package io.airlock.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arbitrary frames on every link type: no exception; on success the payload lies within the captured bytes. */
class PacketDecoderFuzzTest {

    private static final int[] LINK_TYPES = {PacketDecoder.LINKTYPE_ETHERNET, PacketDecoder.LINKTYPE_LINUX_SLL,
        PacketDecoder.LINKTYPE_LINUX_SLL2, PacketDecoder.LINKTYPE_RAW, PacketDecoder.LINKTYPE_NULL, 12345};

    private final PacketDecoder decoder = new PacketDecoder();

    @FuzzTest(maxDuration = "10s")
    void decoderSurvivesArbitraryFrames(byte[] bytes) {
        for (int linkType : LINK_TYPES) {
            check(linkType, bytes);
        }
    }

    @Test
    void shouldSurviveMutatedFrames() {
        Random random = new Random(7);
        byte[][] seeds = {SyntheticPackets.udp("10.0.0.1", 1, "10.0.0.2", 2, new byte[30]),
            SyntheticPackets.tcp("2001:db8::1", 554, "2001:db8::2", 9, 1, 2, 0x12, new byte[30])};
        for (int i = 0; i < 20_000; i++) {
            byte[] ip = seeds[i & 1];
            int linkType = LINK_TYPES[random.nextInt(LINK_TYPES.length)];
            byte[] frame = new PcapWriterFrames(linkType).frame(ip);
            for (int m = random.nextInt(6); m >= 0; m--) {
                frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(frame.length + 1);
            check(linkType, java.util.Arrays.copyOf(frame, length));
        }
    }

    private void check(int linkType, byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        Rejection r = decoder.decode(linkType, buf, 0, bytes.length);
        if (r == null) {
            assertThat(decoder.payloadOffset()).isBetween(0, bytes.length);
            assertThat((long) decoder.payloadOffset() + decoder.payloadLength()).isLessThanOrEqualTo(bytes.length);
            assertThat(decoder.payloadLength()).isNotNegative();
            assertThat(decoder.ipVersion()).isIn(4, 6);
            assertThat(decoder.protocol()).isIn(6, 17);
        }
    }

    /** Frames for any link type without declaring IOException. */
    private static final class PcapWriterFrames {
        private final PcapWriter writer;

        PcapWriterFrames(int linkType) {
            try {
                writer = new PcapWriter(new java.io.ByteArrayOutputStream(), linkType, false,
                        java.nio.ByteOrder.LITTLE_ENDIAN);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        byte[] frame(byte[] ip) {
            return writer.frame(ip);
        }
    }
}
