package io.airlock.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {

    private final Flow flow = new Flow().setIpv4(6, 0x0A000001, 554, 0x0A000002, 40000);
    private final TcpReassembler reassembler = new TcpReassembler();
    private final Recorder out = new Recorder();

    @Test
    void shouldDeliverInOrderSegmentsAsZeroCopySlices() {
        ByteBuf capture = Unpooled.wrappedBuffer("xxRTSP/1.0 200 OK".getBytes(StandardCharsets.US_ASCII));
        reassembler.segment(flow, 1000, TcpReassembler.SYN, capture, 0, 0, 0, 0, out);
        reassembler.segment(flow, 1001, 0, capture, 2, 5, 1, 500, out);
        reassembler.segment(flow, 1006, 0, capture, 7, 10, 2, 600, out);
        assertThat(out.text()).isEqualTo("RTSP/1.0 200 OK");
        assertThat(out.buffers).allMatch(b -> b == capture);
        assertThat(out.fileOffsets).containsExactly(500L, 600L);
    }

    @Test
    void shouldReorderOutOfOrderSegments() {
        feed(100, "world");
        feed(95, "hello");
        feed(110, "!");
        assertThat(out.text()).isEqualTo("world");
        reassembler.flush(flow, out);
        assertThat(out.gaps).containsExactly(5L);
        assertThat(out.text()).isEqualTo("world!");

        Recorder second = new Recorder();
        Flow other = new Flow().setIpv4(6, 1, 1, 2, 2);
        reassembler.segment(other, 0, TcpReassembler.SYN, Unpooled.EMPTY_BUFFER, 0, 0, 0, 0, second);
        seg(other, 6, "world", second);
        seg(other, 11, "!", second);
        seg(other, 1, "hello", second);
        assertThat(second.text()).isEqualTo("helloworld!");
        assertThat(second.gaps).isEmpty();
        assertThat(reassembler.heldBytes(other)).isZero();
    }

    @Test
    void shouldDropRetransmissionsAndTrimOverlaps() {
        feed(0, "abcdef");
        feed(0, "abcdef");
        feed(3, "defghi");
        feed(10, "klm");
        feed(8, "ijk");
        feed(2, "cd");
        assertThat(out.text()).isEqualTo("abcdefghijklm");
        assertThat(out.gaps).isEmpty();
    }

    @Test
    void shouldFollowSequenceWraparound() {
        reassembler.segment(flow, 0xFFFFFFFDL, TcpReassembler.SYN, Unpooled.EMPTY_BUFFER, 0, 0, 0, 0, out);
        feed(0xFFFFFFFEL, "ab");
        feed(0x00000003L, "fg");
        feed(0x00000000L, "cde");
        feed(0xFFFFFFFFL, "bc");
        assertThat(out.text()).isEqualTo("abcdefg");
    }

    @Test
    void shouldStartMidStreamAtFirstSegment() {
        feed(123_456, "PLAY");
        feed(123_460, " rtsp://cam/");
        assertThat(out.text()).isEqualTo("PLAY rtsp://cam/");
    }

    @Test
    void shouldIgnoreRetransmittedSynButResetOnNewIsn() {
        reassembler.segment(flow, 10, TcpReassembler.SYN, Unpooled.EMPTY_BUFFER, 0, 0, 0, 0, out);
        feed(11, "abc");
        reassembler.segment(flow, 10, TcpReassembler.SYN, Unpooled.EMPTY_BUFFER, 0, 0, 0, 0, out);
        feed(14, "def");
        reassembler.segment(flow, 5000, TcpReassembler.SYN, Unpooled.EMPTY_BUFFER, 0, 0, 0, 0, out);
        feed(5001, "ghi");
        assertThat(out.text()).isEqualTo("abcdefghi");
    }

    @Test
    void shouldDeclareGapWhenHoldingQueueOverflows() {
        feed(0, "a");
        for (int i = 0; i < TcpReassembler.MAX_HELD_SEGMENTS; i++) {
            feed(100 + i * 10L, "0123456789");
        }
        assertThat(out.gaps).isEmpty();
        assertThat(reassembler.heldBytes(flow)).isEqualTo(640);
        feed(100 + 64 * 10L, "X");
        assertThat(out.gaps).containsExactly(99L);
        assertThat(out.text()).hasSize(1 + 640 + 1).endsWith("9X");
        assertThat(reassembler.heldBytes(flow)).isZero();
    }

    @Test
    void shouldDeclareGapWhenHeldBytesExceedCap() {
        feed(0, "a");
        byte[] big = new byte[60_000];
        for (int i = 0; i < 4; i++) {
            reassembler.segment(flow, 10 + i * 60_000L, 0, Unpooled.wrappedBuffer(big), 0, big.length, 0, 0, out);
        }
        assertThat(reassembler.heldBytes(flow)).isEqualTo(240_000);
        reassembler.segment(flow, 10 + 4 * 60_000L, 0, Unpooled.wrappedBuffer(big), 0, big.length, 0, 0, out);
        assertThat(out.gaps).containsExactly(9L);
        assertThat(out.data.size()).isEqualTo(1 + 5 * 60_000);
        assertThat(reassembler.heldBytes(flow)).isLessThanOrEqualTo(TcpReassembler.MAX_HELD_BYTES);
    }

    @Test
    void shouldPassThroughUnorderedBeyondStreamBound() {
        TcpReassembler bounded = new TcpReassembler(1);
        bounded.segment(flow, 5, 0, Unpooled.wrappedBuffer(new byte[3]), 0, 3, 0, 0, out);
        Flow other = new Flow().setIpv4(6, 1, 1, 2, 2);
        bounded.segment(other, 9, 0, Unpooled.wrappedBuffer(new byte[4]), 0, 4, 0, 0, out);
        assertThat(bounded.streams()).isEqualTo(1);
        assertThat(bounded.untracked()).isEqualTo(1);
        assertThat(out.data.size()).isEqualTo(7);
    }

    private void feed(long seq, String text) {
        seg(flow, seq, text, out);
    }

    private void seg(Flow f, long seq, String text, Recorder r) {
        byte[] b = ("__" + text).getBytes(StandardCharsets.US_ASCII);
        reassembler.segment(f, seq, 0, Unpooled.wrappedBuffer(b), 2, text.length(), 0, 0, r);
    }

    private static final class Recorder implements TcpStreamListener {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<Long> gaps = new ArrayList<>();
        final List<ByteBuf> buffers = new ArrayList<>();
        final List<Long> fileOffsets = new ArrayList<>();

        @Override
        public void tcpData(Flow flow, ByteBuf buf, int off, int len, long nowNs, long fileOffset) {
            byte[] b = new byte[len];
            buf.getBytes(off, b);
            data.writeBytes(b);
            buffers.add(buf);
            fileOffsets.add(fileOffset);
        }

        @Override
        public void tcpGap(Flow flow, long missingBytes) {
            gaps.add(missingBytes);
        }

        String text() {
            return data.toString(StandardCharsets.US_ASCII);
        }
    }
}
