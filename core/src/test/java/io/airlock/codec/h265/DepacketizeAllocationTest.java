package io.airlock.codec.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.NalUnitListener;
import io.airlock.rtp.H265Packetizer;
import io.airlock.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hot path (RTP wrap + H.265 depacketize) must not allocate per packet. */
class DepacketizeAllocationTest {

    private static final class CountingListener implements NalUnitListener {
        long bytes;
        int units;

        @Override
        public void nalStart(int header, long sourceOffset) {
            units++;
        }

        @Override
        public void nalPayload(ByteBuf buffer, int offset, int length) {
            bytes += length;
        }

        @Override
        public void nalEnd(boolean complete) {
        }
    }

    @Test
    void shouldNotAllocatePerPacket() {
        Random random = new Random(3);
        byte[] nal = new byte[20_000];
        random.nextBytes(nal);
        nal[0] = 0x26;
        nal[1] = 0x01;
        H265Packetizer packetizer = new H265Packetizer(1400, 1, 96, 0);
        List<byte[]> packets = new ArrayList<>(packetizer.packetize(nal, 0, true));
        packets.add(packetizer.aggregate(0, true, List.of(new byte[] {0x40, 0x01, 1}, new byte[] {0x42, 0x01, 2})));
        ByteBuf[] bufs = new ByteBuf[packets.size()];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = Unpooled.wrappedBuffer(packets.get(i));
        }
        RtpPacket rtp = new RtpPacket();
        H265Depacketizer depacketizer = new H265Depacketizer();
        CountingListener out = new CountingListener();
        run(bufs, rtp, depacketizer, out, 20_000);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        long start = System.nanoTime();
        int rounds = 20_000;
        run(bufs, rtp, depacketizer, out, rounds);
        long elapsed = System.nanoTime() - start;
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        long n = (long) rounds * bufs.length;
        System.out.printf("RTP wrap + H.265 depacketize: %.1f ns/packet, %d bytes allocated over %d packets%n",
                (double) elapsed / n, allocated, n);
        // Any per-packet allocation would cost at least 16 bytes a packet; JIT and MXBean noise stays far below.
        assertThat(allocated).isLessThan(n / 10);
        assertThat(out.units).isPositive();
    }

    private static void run(ByteBuf[] bufs, RtpPacket rtp, H265Depacketizer depacketizer, CountingListener out,
            int rounds) {
        int seq = 0;
        for (int r = 0; r < rounds; r++) {
            for (ByteBuf b : bufs) {
                rtp.wrap(b, 0, b.capacity());
                depacketizer.depacketize(seq++ & 0xFFFF, rtp.timestamp(), rtp.marker(), b, rtp.payloadOffset(),
                        rtp.payloadLength(), -1, out);
            }
        }
    }
}
