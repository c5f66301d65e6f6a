package io.airlock.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RtpContinuityTest {

    private static ByteBuf packet(int seq, long ts, long ssrc) {
        ByteBuf b = Unpooled.buffer(16);
        b.writeByte(0x80).writeByte(96).writeShort(seq).writeInt((int) ts).writeInt((int) ssrc).writeInt(0xCAFEBABE);
        return b;
    }

    @Test
    void shouldKeepSsrcSequenceAndTimeContinuousAcrossAnUpstreamRestart() {
        RtpContinuity c = new RtpContinuity(0x11223344L, 90_000);
        long t = 1_000_000_000L;
        ByteBuf a = packet(65535, 4_294_960_000L, 0xAAAAAAAAL);
        c.rewrite(a, t);
        ByteBuf b = packet(0, 4_294_963_600L, 0xAAAAAAAAL);
        c.rewrite(b, t + 40_000_000);
        assertThat(b.getUnsignedShort(2)).isEqualTo(0);
        assertThat(b.getUnsignedInt(8)).isEqualTo(0x11223344L);

        // The camera comes back with a new SSRC, sequence and timestamp base, 2 s later.
        c.restart();
        ByteBuf d = packet(777, 123_456L, 0xBBBBBBBBL);
        c.rewrite(d, t + 2_040_000_000L);
        assertThat(d.getUnsignedShort(2)).isEqualTo(1);
        assertThat(d.getUnsignedInt(4)).isEqualTo((4_294_963_600L + 180_000) & 0xFFFFFFFFL);
        assertThat(d.getUnsignedInt(8)).isEqualTo(0x11223344L);
        assertThat(d.getInt(12)).as("payload untouched").isEqualTo(0xCAFEBABE);

        ByteBuf e = packet(779, 127_056L, 0xBBBBBBBBL);
        c.rewrite(e, t + 2_080_000_000L);
        assertThat(e.getUnsignedShort(2)).as("the camera's own gap stays visible").isEqualTo(3);
        assertThat(c.nextSequence()).isEqualTo(4);
    }

    @Test
    void shouldLeaveRuntPacketsAlone() {
        ByteBuf runt = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 96, 0, 1});
        assertThat(new RtpContinuity(1, 90_000).rewrite(runt, 0)).isFalse();
        assertThat(runt.getUnsignedShort(2)).isEqualTo(1);
    }

    @Test
    void shouldRewriteThePacketAtItsRangeOfASharedReceiveBuffer() {
        ByteBuf receive = Unpooled.buffer(64).writeZero(64);
        ByteBuf p = packet(5, 1000L, 0xAAAAAAAAL);
        receive.setBytes(20, p, 0, p.readableBytes());
        assertThat(new RtpContinuity(0x01020304L, 90_000).rewrite(receive, 20, p.readableBytes(), 0)).isTrue();
        assertThat(receive.getUnsignedShort(22)).isEqualTo(5);
        assertThat(receive.getUnsignedInt(28)).isEqualTo(0x01020304L);
        assertThat(receive.getLong(0)).as("bytes before the range untouched").isZero();
        assertThat(receive.readerIndex()).isZero();
        assertThat(new RtpContinuity(1, 90_000).rewrite(receive, 60, 4, 0)).as("a runt range").isFalse();
    }
}
