package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TcpInterleavedEgressTest {

    private static final class Sink extends ChannelOutboundHandlerAdapter {
    }

    private final EmbeddedChannel channel = new EmbeddedChannel(new Sink());
    private final ChannelHandlerContext ctx = channel.pipeline().context(Sink.class);

    @Test
    void shouldWriteNothingUntilTheDrainRunsOnTheEventLoop() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 2, 3, 8);
        final ByteBuf packet = packet(12);
        assertThat(egress.offer(packet, false)).isTrue();
        assertThat((Object) channel.readOutbound()).isNull();
        egress.flush();
        channel.runPendingTasks();
        assertFrame(channel.readOutbound(), channel.readOutbound(), 2, packet, 0, 12);
        assertThat(packet.refCnt()).isEqualTo(1);
        assertThat(egress.sent()).isEqualTo(1);
    }

    @Test
    void shouldFrameARangeOfTheBufferOnTheRtcpChannel() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 2, 3, 8);
        final ByteBuf receive = packet(100);
        assertThat(egress.offer(receive, 40, 30, true)).isTrue();
        egress.flush();
        channel.runPendingTasks();
        assertFrame(channel.readOutbound(), channel.readOutbound(), 3, receive, 40, 30);
        assertThat(receive.readerIndex()).isZero();
        assertThat(receive.refCnt()).isEqualTo(1);
    }

    @Test
    void shouldScheduleOneDrainForABurst() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 0, 1, 64);
        final ByteBuf packet = packet(20);
        for (int i = 0; i < 10; i++) {
            egress.offer(packet, false);
            egress.flush();
        }
        channel.runPendingTasks();
        int frames = 0;
        int heldByPacketSlices = 10;
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            frames++;
            io.netty.util.ReferenceCountUtil.release(out);
        }
        assertThat(frames).isEqualTo(20);
        assertThat(packet.refCnt()).as("released with the written slices").isEqualTo(1 + 10 - heldByPacketSlices);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldKeepPacketsQueuedWhileUnwritableAndDropWhenTheQueueIsFull() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 0, 1, 4);
        final ByteBuf packet = packet(20);
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        for (int i = 0; i < 6; i++) {
            egress.offer(packet, false);
        }
        egress.flush();
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(egress.sent()).isEqualTo(4);
        assertThat(egress.dropped()).isEqualTo(2);
        assertThat(egress.queued()).isEqualTo(4);
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        egress.writable();
        int frames = 0;
        for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
            ((ByteBuf) o).release();
            frames++;
        }
        assertThat(frames).isEqualTo(8);
        assertThat(egress.queued()).isZero();
        assertThat(packet.refCnt()).isEqualTo(1);
    }

    @Test
    void shouldReleaseWhatIsQueuedOnClose() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 0, 1, 8);
        final ByteBuf packet = packet(20);
        egress.offer(packet, false);
        egress.offer(packet, false);
        egress.close();
        assertThat(egress.offer(packet, false)).isFalse();
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(packet.refCnt()).isEqualTo(1);
        assertThat(egress.discarded()).isEqualTo(2);
        assertThat(egress.dropped()).isEqualTo(1);
    }

    @Test
    void shouldDropPacketsTooLongForAnInterleavedFrame() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 0, 1, 8);
        final ByteBuf big = Unpooled.buffer(0x10000).writeZero(0x10000);
        assertThat(egress.offer(big, false)).isFalse();
        assertThat(big.refCnt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseARangeOutsideTheBufferRatherThanWriteAHeaderWithoutItsPacket() {
        final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 0, 1, 8);
        final ByteBuf packet = packet(20);
        assertThat(egress.offer(packet, 10, 30, false)).isFalse();
        assertThat(egress.offer(packet, -1, 4, false)).isFalse();
        egress.flush();
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(packet.refCnt()).isEqualTo(1);
        assertThat(egress.dropped()).isEqualTo(2);
    }

    private static ByteBuf packet(final int length) {
        final ByteBuf b = Unpooled.buffer(length);
        for (int i = 0; i < length; i++) {
            b.writeByte(i);
        }
        return b;
    }

    private static void assertFrame(final ByteBuf header, final ByteBuf body, final int ch, final ByteBuf src,
                                    final int off, final int len) {
        try {
            // '$', channel, u16 length
            assertThat(header.readableBytes()).isEqualTo(4);
            assertThat(header.getUnsignedByte(0)).isEqualTo((short) '$');
            assertThat(header.getUnsignedByte(1)).isEqualTo((short) ch);
            assertThat(header.getUnsignedShort(2)).isEqualTo(len);
            assertThat(body.readableBytes()).isEqualTo(len);
            for (int i = 0; i < len; i++) {
                assertThat(body.getByte(body.readerIndex() + i)).isEqualTo(src.getByte(off + i));
            }
        } finally {
            header.release();
            body.release();
        }
    }
}
