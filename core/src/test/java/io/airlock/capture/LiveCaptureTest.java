package io.airlock.capture;

import static io.airlock.capture.CaptureAssumptions.assumeCanCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live capture on the loopback interface. Other processes may use loopback too, so every capture filters on a port
 * this test bound.
 */
class LiveCaptureTest {

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final PacketDecoder decoder = new PacketDecoder();
    private final CaptureRecord record = new CaptureRecord();

    @AfterEach
    void closeChannels() throws IOException {
        for (DatagramChannel c : channels) {
            c.close();
        }
    }

    @ParameterizedTest(name = "direct buffer: {0}")
    @ValueSource(booleans = {false, true})
    void shouldCaptureUdpDatagramsSentToLoopback(boolean direct) throws Exception {
        assumeCanCapture();
        int port = receiver();
        long before = System.currentTimeMillis();
        try (LiveCapture capture = LiveCapture.open(onPort(port))) {
            send(port, "airlock-live-1");
            send(port, "airlock-live-2");
            ByteBuf into = direct ? Unpooled.directBuffer(65_535) : Unpooled.buffer(65_535);
            assertThat(payloads(capture, into, 2)).containsExactly("airlock-live-1", "airlock-live-2");
            assertThat(capture.linkType()).isEqualTo(PacketDecoder.LINKTYPE_ETHERNET);
            assertThat(record.buffer()).isSameAs(into);
            assertThat(record.offset()).isZero();
            assertThat(record.capturedLength()).isEqualTo(14 + 20 + 8 + "airlock-live-2".length())
                    .isEqualTo(into.readableBytes());
            assertThat(record.originalLength()).isEqualTo(record.capturedLength());
            assertThat(record.fileOffset()).isEqualTo(-1);
            assertThat(record.interfaceId()).isZero();
            assertThat(record.timestampNs() / 1_000_000).isBetween(before - 1_000, System.currentTimeMillis() + 1_000);
            into.release();
        }
    }

    @Test
    void shouldPassOnlyThePortTheFilterChose() throws Exception {
        assumeCanCapture();
        int chosen = receiver();
        int other = receiver();
        try (LiveCapture capture = LiveCapture.open(onPort(chosen))) {
            for (int i = 0; i < 5; i++) {
                send(other, "other-" + i);
                send(chosen, "chosen-" + i);
            }
            assertThat(payloads(capture, Unpooled.buffer(65_535), 5))
                    .containsExactly("chosen-0", "chosen-1", "chosen-2", "chosen-3", "chosen-4");
        }
    }

    @Test
    void shouldCountWhatTheFilterAccepted() throws Exception {
        assumeCanCapture();
        int port = receiver();
        LiveCapture capture = LiveCapture.open(onPort(port));
        try {
            for (int i = 0; i < 50; i++) {
                send(port, "counted-" + i);
            }
            assertThat(payloads(capture, Unpooled.buffer(65_535), 50)).hasSize(50);
            LiveCaptureStats stats = capture.stats();
            assertThat(stats.received()).isGreaterThanOrEqualTo(50);
            assertThat(stats.droppedByKernel()).isZero();
        } finally {
            capture.close();
        }
        assertThat(capture.stats().received()).as("last counters kept after close").isGreaterThanOrEqualTo(50);
        assertThat(capture.next(record, Unpooled.buffer(65_535))).isFalse();
    }

    @Test
    void shouldReturnFromABlockedNextWhenClosedFromAnotherThread() throws Exception {
        assumeCanCapture();
        int port = receiver();
        // After one packet nothing is sent and the timeout is a minute: only close() can end the wait in time.
        LiveCapture capture = LiveCapture.open(onPort(port).withTimeoutMillis(60_000));
        AtomicBoolean warm = new AtomicBoolean();
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            CaptureRecord r = new CaptureRecord();
            ByteBuf into = Unpooled.buffer(65_535);
            warm.set(capture.next(r, into));
            result.set(capture.next(r, into));
        }, "blocked-reader");
        reader.start();
        send(port, "warm-up");
        while (!warm.get() && reader.isAlive()) {
            Thread.sleep(10);
        }
        assertThat(warm.get()).as("warm-up packet captured").isTrue();
        Thread.sleep(300);
        Thread closer = new Thread(capture::close, "closer");
        closer.start();
        reader.join(20_000);
        assertThat(reader.isAlive()).as("next still blocked after close").isFalse();
        assertThat(result.get()).isFalse();
        closer.join();
    }

    @Test
    @Timeout(30)
    void shouldReturnFalseWhenNothingArrivesWithinTheTimeout() throws Exception {
        assumeCanCapture();
        try (LiveCapture capture = LiveCapture.open(onPort(receiver()).withTimeoutMillis(200))) {
            assertThat(capture.next(record, Unpooled.buffer(65_535))).isFalse();
            assertThat(capture.problem()).isNull();
        }
    }

    @ParameterizedTest(name = "direct buffer: {0}")
    @ValueSource(booleans = {false, true})
    void shouldNotAllocatePerPacket(boolean direct) throws Exception {
        assumeCanCapture();
        int port = receiver();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread sender = new Thread(() -> blast(port, sending), "loopback-sender");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        try (LiveCapture capture = LiveCapture.open(onPort(port))) {
            sender.start();
            ByteBuf into = direct ? Unpooled.directBuffer(65_535) : Unpooled.buffer(65_535);
            readPackets(capture, into, 20_000);
            long before = mx.getThreadAllocatedBytes(self);
            int captured = readPackets(capture, into, 20_000);
            long allocated = mx.getThreadAllocatedBytes(self) - before;
            assertThat(captured).as("packets in the measured calls").isGreaterThan(10_000);
            assertThat(allocated).as("bytes allocated by 20,000 next calls").isLessThan(8 * 1024);
            into.release();
        } finally {
            sending.set(false);
            sender.join();
        }
    }

    @Test
    void shouldNameTheMissingInterfaceInOneLine() {
        assumeCanCapture();
        assertThatThrownBy(() -> LiveCapture.open(LiveCaptureOptions.of("airlock-nope0")))
                .isInstanceOf(CaptureException.class)
                .hasMessage("no network interface named airlock-nope0 (see `ip link`)");
    }

    @Test
    void shouldQuoteTheFilterThatDoesNotCompile() {
        assumeCanCapture();
        assertThatThrownBy(() -> LiveCapture.open(LiveCaptureOptions.of("lo").withFilter("udp port\nbanana")))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("BPF filter 'udp port banana' does not compile: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldReportTheLibpcapVersion() throws Exception {
        assumeCanCapture();
        assertThat(LiveCapture.libraryVersion()).startsWith("libpcap version ");
    }

    @Test
    void shouldFindNoLibraryUnderAWrongName() {
        assertThat(Libpcap.find("airlock-no-such-library", "libairlock-none.so.9")).isNull();
    }

    @Test
    void shouldMapRawIpDltToItsLinkType() {
        assertThat(LiveCapture.linkType(12)).isEqualTo(PacketDecoder.LINKTYPE_RAW);
        assertThat(LiveCapture.linkType(14)).isEqualTo(PacketDecoder.LINKTYPE_RAW);
        assertThat(LiveCapture.linkType(1)).isEqualTo(PacketDecoder.LINKTYPE_ETHERNET);
        assertThat(LiveCapture.linkType(113)).isEqualTo(PacketDecoder.LINKTYPE_LINUX_SLL);
    }

    @Test
    void shouldRefuseOptionsOutsideTheirBounds() {
        LiveCaptureOptions defaults = LiveCaptureOptions.of("eth1");
        assertThat(defaults).isEqualTo(new LiveCaptureOptions("eth1", 65_535, false, 8 << 20, null, 100, true));
        assertThatThrownBy(() -> LiveCaptureOptions.of("an-interface-name")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSnaplen(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTimeoutMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withFilter("x".repeat(4097))).isInstanceOf(IllegalArgumentException.class);
    }

    private static LiveCaptureOptions onPort(int port) {
        return LiveCaptureOptions.of("lo").withFilter("udp and dst port " + port);
    }

    /** Reads until {@code wanted} UDP payloads arrived or 50 calls timed out in a row. */
    private List<String> payloads(LiveCapture capture, ByteBuf into, int wanted) {
        List<String> payloads = new ArrayList<>();
        for (int idle = 0; payloads.size() < wanted && idle < 50; ) {
            if (!capture.next(record, into)) {
                idle++;
                continue;
            }
            idle = 0;
            assertThat(decoder.decode(record)).isNull();
            payloads.add(record.buffer().toString(decoder.payloadOffset(), decoder.payloadLength(),
                    StandardCharsets.US_ASCII));
        }
        return payloads;
    }

    private int readPackets(LiveCapture capture, ByteBuf into, int calls) {
        int captured = 0;
        for (int i = 0; i < calls; i++) {
            if (capture.next(record, into)) {
                captured++;
            }
        }
        return captured;
    }

    private int receiver() throws IOException {
        DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        channels.add(c);
        return ((InetSocketAddress) c.getLocalAddress()).getPort();
    }

    private void send(int port, String text) throws IOException {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress("127.0.0.1", port));
        }
    }

    private static void blast(int port, AtomicBoolean sending) {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.connect(new InetSocketAddress("127.0.0.1", port));
            ByteBuffer datagram = ByteBuffer.allocateDirect(200);
            while (sending.get()) {
                datagram.clear();
                try {
                    c.write(datagram);
                } catch (IOException e) {
                    // the receiver's buffer is full and refused: keep sending
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
