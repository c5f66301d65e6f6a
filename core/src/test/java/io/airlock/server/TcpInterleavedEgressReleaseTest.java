package io.airlock.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reference an egress takes on a packet comes back, whatever ends it: a recorder resetting with frames in
 * flight, a drain the dying event loop accepted but never ran, offers after the event loop has gone. Packets are pooled direct buffers, as the
 * camera side's are; their reference count is the check (leak reports need a GC and come late, if at all).
 */
@Timeout(60)
class TcpInterleavedEgressReleaseTest {

    private static final int PACKET = 1400;

    @Test
    void shouldReleaseEveryPacketWhenTheRecorderResetsWithFramesInFlight() throws Exception {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final CompletableFuture<ChannelHandlerContext> accepted = new CompletableFuture<>();
        final ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET).writeZero(PACKET);
        try {
            final Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_SNDBUF, 8192)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8192, 16384))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(final SocketChannel ch) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelActive(final ChannelHandlerContext ctx) {
                                    accepted.complete(ctx);
                                }

                                @Override
                                public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
                                    ctx.close();
                                }
                            });
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            try (Socket recorder = new Socket()) {
                recorder.setReceiveBufferSize(4096);
                recorder.connect(listener.localAddress());
                final ChannelHandlerContext ctx = accepted.get(5, TimeUnit.SECONDS);
                final TcpInterleavedEgress egress = new TcpInterleavedEgress(ctx, 0, 1, 4096);
                // The recorder reads nothing: the socket fills, then Netty's outbound buffer, then the queue.
                for (int i = 0; i < 3000; i++) {
                    egress.offer(packet, false);
                    if (i % 16 == 0) {
                        egress.flush();
                    }
                }
                egress.flush();
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (ctx.channel().isWritable() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(ctx.channel().isWritable()).as("frames in flight").isFalse();
                recorder.setSoLinger(true, 0);
                recorder.close();
                ctx.channel().closeFuture().await(5, TimeUnit.SECONDS);
                egress.offer(packet, false);
                egress.flush();
                egress.close();
                egress.offer(packet, false);
                awaitRefCnt(packet, 1);
                assertThat(egress.queued()).isZero();
            }
            listener.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            release(packet);
        }
    }

    @Test
    void shouldReleaseWhatIsOfferedOnceTheEventLoopIsGone() throws Exception {
        final EventLoop loop = new DefaultEventLoop();
        final ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET).writeZero(PACKET);
        try {
            final ReleasingEgress egress = new ReleasingEgress(loop);
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            assertThat(egress.offer(packet, false)).isTrue();
            egress.flush();
            assertThat(packet.refCnt()).isEqualTo(1);
            assertThat(egress.discarded()).isEqualTo(1);
            assertThat(egress.offer(packet, false)).as("closed once the loop refused a drain").isFalse();
        } finally {
            release(packet);
        }
    }

    @Test
    void shouldReleaseWhatADyingLoopAcceptedButNeverRan() throws Exception {
        final GatedQueue tasks = new GatedQueue();
        final EventLoop loop = new GatedLoop(tasks);
        final ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET).writeZero(PACKET);
        try {
            final ReleasingEgress egress = new ReleasingEgress(loop);
            loop.submit(() -> { }).sync();
            // The egress thread's drain task gets past the loop's "shut down?" check, then the loop ends before the
            // task is in its queue; the queue cannot take it back (Netty's MPSC task queues cannot), so it stays.
            final Thread producer = new Thread(() -> {
                egress.offer(packet, false);
                egress.flush();
            });
            tasks.hold(producer);
            producer.start();
            assertThat(tasks.arrived.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS)).isTrue();
            tasks.gate.countDown();
            producer.join(5000);
            awaitRefCnt(packet, 1);
            assertThat(egress.discarded()).isEqualTo(1);
            assertThat(egress.offer(packet, false)).as("nothing will drain again").isFalse();
            assertThat(packet.refCnt()).isEqualTo(1);
        } finally {
            release(packet);
        }
    }

    private static void awaitRefCnt(final ByteBuf b, final int n) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (b.refCnt() != n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(b.refCnt()).isEqualTo(n);
    }

    private static void release(final ByteBuf b) {
        if (b.refCnt() > 0) {
            b.release(b.refCnt());
        }
    }

    /** An egress whose "socket" takes everything at once: the drain releases what it polls. */
    private static final class ReleasingEgress extends AbstractEgress {

        ReleasingEgress(final EventLoop loop) {
            super(loop, 64);
        }

        @Override
        protected boolean accepts(final int length, final boolean rtcp) {
            return true;
        }

        @Override
        protected void drain(final EgressQueue queue) {
            while (queue.poll()) {
                queue.polledBuffer().release();
            }
        }

        @Override
        public void disconnect() {
            closeQueue();
        }

        @Override
        public String transportParameters() {
            return "";
        }

        @Override
        public void close() {
            closeQueue();
        }
    }

    /** A task queue that holds one thread's offer at a gate, and cannot remove a task, like Netty's MPSC queues. */
    private static final class GatedQueue extends LinkedBlockingQueue<Runnable> {

        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        private volatile Thread held;

        void hold(final Thread t) {
            held = t;
        }

        @Override
        public boolean offer(final Runnable task) {
            if (Thread.currentThread() == held) {
                held = null;
                arrived.countDown();
                try {
                    gate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.offer(task);
        }

        @Override
        public boolean remove(final Object task) {
            throw new UnsupportedOperationException();
        }
    }

    /** {@link DefaultEventLoop}'s loop over a given task queue. */
    private static final class GatedLoop extends SingleThreadEventLoop {

        GatedLoop(final GatedQueue tasks) {
            super(null, r -> new Thread(r, "gated-loop").start(), true, tasks, new LinkedBlockingQueue<>(),
                    RejectedExecutionHandlers.reject());
        }

        @Override
        protected void run() {
            do {
                final Runnable task = takeTask();
                if (task != null) {
                    task.run();
                    updateLastExecutionTime();
                }
            } while (!confirmShutdown());
        }
    }
}
