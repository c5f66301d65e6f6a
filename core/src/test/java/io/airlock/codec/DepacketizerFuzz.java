package io.airlock.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;

/** Test helper for the H.264/H.265 depacketizer fuzz targets: arbitrary bytes replayed as an RTP packet sequence. */
public final class DepacketizerFuzz {

    /** A depacketizer's {@code depacketize(...)}. */
    @FunctionalInterface
    public interface Depacketize {
        Rejection depacketize(int sequenceNumber, long timestamp, boolean marker, ByteBuf buf, int off, int len,
                long sourceOffset, NalUnitListener out);
    }

    private DepacketizerFuzz() {
    }

    /** Bytes are read as [len u8][seq delta u8 (bit 7 = marker)][payload]... */
    public static void replay(byte[] data, Depacketize depacketizer, NalUnitListener out) {
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        int seq = 0;
        int pos = 0;
        while (pos + 2 <= data.length) {
            int len = Math.min(data[pos] & 0xFF, data.length - pos - 2);
            int control = data[pos + 1] & 0xFF;
            seq = (seq + (control & 3)) & 0xFFFF;
            depacketizer.depacketize(seq, control >>> 4, (control & 0x80) != 0, buf, pos + 2, len, pos, out);
            pos += 2 + len;
        }
    }

    /** After a flush: every unit started was ended, and the depacketizer holds none open. */
    public static void assertBalanced(RecordingListener out, boolean unitOpen) {
        assertThat(out.open()).isFalse();
        assertThat(out.starts).isEqualTo(out.ends);
        assertThat(unitOpen).isFalse();
    }

    /** Up to 200 random bytes, with {@code typeA} or {@code typeB} (packet type bytes) sprinkled in. */
    public static byte[] randomPackets(Random random, int typeA, int typeB) {
        byte[] data = new byte[random.nextInt(200)];
        random.nextBytes(data);
        for (int j = 0; j < data.length; j += 1 + random.nextInt(20)) {
            data[j] = (byte) (random.nextBoolean() ? typeA : typeB);
        }
        return data;
    }
}
