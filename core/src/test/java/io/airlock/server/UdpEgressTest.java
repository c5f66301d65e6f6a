package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link UdpEgress} against real datagram sockets on loopback, both Netty transports where they load. */
class UdpEgressTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private NettyTransport transport = new NettyTransport(true);
    private EventLoopGroup group = transport.newGroup(1);
    private final AtomicLong serverUnreachable = new AtomicLong();
    private final AtomicInteger peerPackets = new AtomicInteger();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    @Test
    void shouldSendRtpToTheRtpPortAndRtcpToTheRtcpPortByteForByte() throws Exception {
        try (DatagramSocket rtpIn = socket(); DatagramSocket rtcpIn = socket()) {
            final UdpEgress egress = egress(rtpIn, rtcpIn, 16, () -> { });
            final ByteBuf rtp = packet(40, 1);
            final ByteBuf rtcp = packet(28, 2);
            final ByteBuf wide = packet(100, 3);
            assertThat(egress.offer(rtp, false)).isTrue();
            assertThat(egress.offer(rtcp, true)).isTrue();
            assertThat(egress.offer(wide, 30, 50, false)).isTrue();
            egress.flush();
            assertReceived(rtpIn, bytes(rtp, 0, 40), egress.ports().rtpPort());
            assertReceived(rtpIn, bytes(wide, 30, 50), egress.ports().rtpPort());
            assertReceived(rtcpIn, bytes(rtcp, 0, 28), egress.ports().rtcpPort());
            assertThat(egress.sent()).isEqualTo(3);
            assertThat(egress.dropped()).isZero();
            settle(egress);
            assertThat(new int[] {rtp.refCnt(), rtcp.refCnt(), wide.refCnt()}).containsOnly(1);
            egress.close();
        }
    }

    @Test
    void shouldDropAndCountWhenTheQueueIsFull() throws Exception {
        try (DatagramSocket rtpIn = socket(); DatagramSocket rtcpIn = socket()) {
            final UdpEgress egress = egress(rtpIn, rtcpIn, 4, () -> { });
            final ByteBuf p = packet(20, 7);
            for (int i = 0; i < 6; i++) {
                egress.offer(p, false);
            }
            assertThat(egress.sent()).isEqualTo(4);
            assertThat(egress.dropped()).isEqualTo(2);
            assertThat(egress.queued()).isEqualTo(4);
            assertThat(p.refCnt()).as("one reference a queued packet").isEqualTo(5);
            egress.flush();
            for (int i = 0; i < 4; i++) {
                assertReceived(rtpIn, bytes(p, 0, 20), egress.ports().rtpPort());
            }
            settle(egress);
            assertThat(p.refCnt()).isEqualTo(1);
            egress.close();
        }
    }

    @Test
    void shouldReleaseEveryQueuedReferenceOnClose() throws Exception {
        try (DatagramSocket rtpIn = socket(); DatagramSocket rtcpIn = socket()) {
            final UdpEgress egress = egress(rtpIn, rtcpIn, 64, () -> { });
            final ByteBuf p = packet(20, 9);
            for (int i = 0; i < 10; i++) {
                egress.offer(p, i % 2 == 1);
            }
            assertThat(p.refCnt()).isEqualTo(11);
            egress.close();
            settle(egress);
            assertThat(p.refCnt()).isEqualTo(1);
            assertThat(egress.discarded()).isEqualTo(10);
            assertThat(egress.offer(p, false)).as("offer after close").isFalse();
            assertThat(p.refCnt()).isEqualTo(1);
            assertNothing(rtpIn);
        }
    }

    @Test
    void shouldReleaseQueueAndPortsAndEndTheSessionOnceOnDisconnect() throws Exception {
        try (DatagramSocket rtpIn = socket(); DatagramSocket rtcpIn = socket()) {
            final AtomicInteger ended = new AtomicInteger();
            final UdpEgress egress = egress(rtpIn, rtcpIn, 64, ended::incrementAndGet);
            final ByteBuf p = packet(20, 4);
            for (int i = 0; i < 5; i++) {
                egress.offer(p, false);
            }
            egress.disconnect();
            egress.disconnect();
            settle(egress);
            assertThat(ended).hasValue(1);
            assertThat(p.refCnt()).isEqualTo(1);
            assertThat(egress.ports().rtp().closeFuture().await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(egress.ports().rtcp().closeFuture().await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(egress.offer(p, false)).isFalse();
            assertThat(p.refCnt()).isEqualTo(1);
            assertNothing(rtpIn);
        }
    }

    @Test
    void shouldSendToNobodyButTheRecipient() throws Exception {
        try (DatagramSocket rtpIn = socket(); DatagramSocket rtcpIn = socket(); DatagramSocket other = socket()) {
            final UdpEgress egress = egress(rtpIn, rtcpIn, 16, () -> { });
            // A stranger writing to the server ports learns nothing and changes nothing.
            other.send(new DatagramPacket(new byte[12], 12, LOOPBACK, egress.ports().rtpPort()));
            other.send(new DatagramPacket(new byte[12], 12, LOOPBACK, egress.ports().rtcpPort()));
            final ByteBuf p = packet(24, 5);
            egress.offer(p, false);
            egress.offer(p, true);
            egress.flush();
            assertReceived(rtpIn, bytes(p, 0, 24), egress.ports().rtpPort());
            assertReceived(rtcpIn, bytes(p, 0, 24), egress.ports().rtcpPort());
            assertNothing(other);
            assertThat(egress.ports().rtp().remoteAddress()).isEqualTo(rtpIn.getLocalSocketAddress());
            assertThat(egress.ports().rtcp().remoteAddress()).isEqualTo(rtcpIn.getLocalSocketAddress());
            egress.close();
        }
    }

    @Test
    void shouldRefuseLargerThanADatagramCanCarry() throws Exception {
        try (DatagramSocket rtpIn = socket(); DatagramSocket rtcpIn = socket()) {
            final UdpEgress egress = egress(rtpIn, rtcpIn, 16, () -> { });
            final ByteBuf big = Unpooled.buffer(65_508).writeZero(65_508);
            assertThat(egress.offer(big, false)).isFalse();
            assertThat(big.refCnt()).isEqualTo(1);
            big.release();
            egress.close();
        }
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void shouldRefuseOffersOnceTheRecorderPortIsUnreachableAndTakeThemAgainWhenHeardFrom(final boolean epoll)
            throws Exception {
        useTransport(epoll);
        final DatagramSocket gone = socket();
        try (DatagramSocket rtcpIn = socket()) {
            final UdpEgress egress = egress(gone, rtcpIn, 64, () -> { });
            final InetSocketAddress recorderRtp = (InetSocketAddress) gone.getLocalSocketAddress();
            gone.close();
            final ByteBuf p = packet(20, 6);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (egress.offer(p, false)) {
                egress.flush();
                assertThat(System.nanoTime()).as("no ICMP port unreachable noticed").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(egress.ports().refusing(false)).isTrue();
            assertThat(egress.ports().refusing(true)).isFalse();
            assertThat(egress.unreachable()).isPositive();
            assertThat(serverUnreachable.get()).isEqualTo(egress.unreachable());
            final long sent = egress.sent();
            assertThat(egress.offer(p, false)).isFalse();
            assertThat(egress.sent()).as("refused, not queued").isEqualTo(sent);
            settle(egress);
            assertThat(p.refCnt()).as("what was queued is released").isEqualTo(1);
            assertThat(egress.ports().rtp().isActive()).as("the socket survives").isTrue();
            // The recorder is back on its port: its datagram passes the connected socket's filter.
            try (DatagramSocket back = new DatagramSocket(recorderRtp)) {
                back.send(new DatagramPacket(new byte[8], 8, LOOPBACK, egress.ports().rtpPort()));
                while (egress.ports().refusing(false)) {
                    assertThat(System.nanoTime()).as("peer datagram not noticed").isLessThan(deadline);
                    Thread.sleep(5);
                }
            }
            assertThat(peerPackets.get()).isPositive();
            assertThat(egress.offer(p, false)).isTrue();
            egress.close();
            settle(egress);
            assertThat(p.refCnt()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotBindOutsideTheRangeItWasGiven() {
        final int low = 40_000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(4_000);
        final RecorderPortPair a = RecorderPortPair.bind(transport, group, LOOPBACK, low, low + 3, LOOPBACK,
                () -> { }, serverUnreachable);
        final RecorderPortPair b = RecorderPortPair.bind(transport, group, LOOPBACK, low, low + 3, LOOPBACK,
                () -> { }, serverUnreachable);
        try {
            assertThat(a).as("a free pair in %d-%d", low, low + 3).isNotNull();
            assertThat(a.rtpPort()).isIn(low, low + 2);
            assertThat(a.rtcpPort()).isEqualTo(a.rtpPort() + 1);
            if (b != null) {
                assertThat(b.rtpPort()).isIn(low, low + 2).isNotEqualTo(a.rtpPort());
                assertThat(RecorderPortPair.bind(transport, group, LOOPBACK, low, low + 3, LOOPBACK, () -> { },
                        serverUnreachable)).as("both pairs taken").isNull();
            }
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    private void useTransport(final boolean epoll) {
        stop();
        transport = new NettyTransport(epoll);
        org.junit.jupiter.api.Assumptions.assumeTrue(transport.epoll() == epoll, "epoll does not load here");
        group = transport.newGroup(1);
    }

    private UdpEgress egress(final DatagramSocket rtpIn, final DatagramSocket rtcpIn, final int queue,
            final Runnable endSession) {
        final RecorderPortPair ports = RecorderPortPair.bind(transport, group, LOOPBACK, 0, 0, LOOPBACK,
                peerPackets::incrementAndGet, serverUnreachable);
        assertThat(ports).isNotNull();
        return new UdpEgress(ports, (InetSocketAddress) rtpIn.getLocalSocketAddress(),
                (InetSocketAddress) rtcpIn.getLocalSocketAddress(), queue, endSession);
    }

    /** Waits until the egress's event loop ran everything queued so far (the drain included). */
    private static void settle(final UdpEgress egress) throws InterruptedException {
        egress.executor().submit(() -> { }).await(2, TimeUnit.SECONDS);
    }

    private static DatagramSocket socket() throws Exception {
        final DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        s.setSoTimeout(2000);
        return s;
    }

    private static ByteBuf packet(final int length, final int seed) {
        final ByteBuf b = Unpooled.buffer(length);
        for (int i = 0; i < length; i++) {
            b.writeByte(seed * 31 + i);
        }
        return b;
    }

    private static byte[] bytes(final ByteBuf b, final int offset, final int length) {
        final byte[] out = new byte[length];
        b.getBytes(offset, out);
        return out;
    }

    private static void assertReceived(final DatagramSocket s, final byte[] expected, final int fromPort)
            throws Exception {
        final DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
        s.receive(d);
        assertThat(Arrays.copyOf(d.getData(), d.getLength())).isEqualTo(expected);
        assertThat(d.getPort()).isEqualTo(fromPort);
    }

    private static void assertNothing(final DatagramSocket s) throws Exception {
        s.setSoTimeout(200);
        try {
            s.receive(new DatagramPacket(new byte[2048], 2048));
            throw new AssertionError("a datagram arrived at " + s.getLocalSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nothing came
        }
    }
}
