package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressQueueTest {

    @Test
    void shouldHandOutPacketsInOrderWithTheirRanges() {
        final EgressQueue q = new EgressQueue(4);
        final ByteBuf buf = Unpooled.buffer(64).writeZero(64);
        assertThat(q.offer(buf, 0, 10, false)).isTrue();
        assertThat(q.offer(buf, 10, 20, true)).isTrue();
        assertThat(buf.refCnt()).isEqualTo(3);
        assertThat(q.poll()).isTrue();
        assertThat(q.polledBuffer()).isSameAs(buf);
        assertThat(q.polledOffset()).isEqualTo(0);
        assertThat(q.polledLength()).isEqualTo(10);
        assertThat(q.polledRtcp()).isFalse();
        assertThat(q.poll()).isTrue();
        assertThat(q.polledOffset()).isEqualTo(10);
        assertThat(q.polledLength()).isEqualTo(20);
        assertThat(q.polledRtcp()).isTrue();
        assertThat(q.poll()).isFalse();
    }

    @Test
    void shouldRefuseWithoutRetainingWhenFullAtExactCapacity() {
        final EgressQueue q = new EgressQueue(3);
        final ByteBuf buf = Unpooled.buffer(8).writeZero(8);
        for (int i = 0; i < 3; i++) {
            assertThat(q.offer(buf, 0, 8, false)).isTrue();
        }
        assertThat(q.offer(buf, 0, 8, false)).isFalse();
        assertThat(q.size()).isEqualTo(3);
        assertThat(buf.refCnt()).isEqualTo(4);
        assertThat(q.poll()).isTrue();
        q.polledBuffer().release();
        assertThat(q.offer(buf, 0, 8, false)).isTrue();
        assertThat(q.offer(buf, 0, 8, false)).isFalse();
    }

    @Test
    void shouldReleaseEverythingQueuedOnClear() {
        final EgressQueue q = new EgressQueue(16);
        final ByteBuf buf = Unpooled.buffer(8).writeZero(8);
        for (int i = 0; i < 10; i++) {
            q.offer(buf, 0, 8, false);
        }
        assertThat(q.clear()).isEqualTo(10);
        assertThat(buf.refCnt()).isEqualTo(1);
        assertThat(q.size()).isZero();
    }

    @Test
    void shouldRejectCapacityOutOfRange() {
        assertThatThrownBy(() -> new EgressQueue(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLoseAndDuplicateNothingWithConcurrentProducers() throws InterruptedException {
        final EgressQueue q = new EgressQueue(64);
        final int producers = 3;
        final int perProducer = 20_000;
        final ByteBuf[] bufs = new ByteBuf[producers];
        final CountDownLatch start = new CountDownLatch(1);
        final Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            final ByteBuf buf = Unpooled.buffer(1).writeZero(1);
            bufs[p] = buf;
            threads[p] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    while (!q.offer(buf, i, 1, false)) {
                        Thread.onSpinWait();
                    }
                }
            });
            threads[p].start();
        }
        start.countDown();
        final int[] next = new int[producers];
        int total = 0;
        while (total < producers * perProducer) {
            if (!q.poll()) {
                Thread.onSpinWait();
                continue;
            }
            int p = 0;
            while (bufs[p] != q.polledBuffer()) {
                p++;
            }
            // Each producer's packets come out in its own order, none lost, none twice.
            assertThat(q.polledOffset()).isEqualTo(next[p]);
            next[p]++;
            q.polledBuffer().release();
            total++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(q.poll()).isFalse();
        for (ByteBuf b : bufs) {
            assertThat(b.refCnt()).isEqualTo(1);
        }
    }

    @Test
    void shouldAllocateNothingPerPacket() {
        final com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final EgressQueue q = new EgressQueue(128);
        // A wrapped array is not leak-tracked: paranoid leak detection (the test argLine) records every retain.
        final ByteBuf buf = Unpooled.wrappedBuffer(new byte[1500]);
        cycle(q, buf, 20_000);
        final long before = mx.getCurrentThreadAllocatedBytes();
        cycle(q, buf, 100_000);
        final long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(100_000);
    }

    private static void cycle(final EgressQueue q, final ByteBuf buf, final int packets) {
        for (int i = 0; i < packets; i++) {
            q.offer(buf, 0, 1500, false);
            if (q.size() >= 64) {
                while (q.poll()) {
                    q.polledBuffer().release();
                }
            }
        }
        q.clear();
    }
}
