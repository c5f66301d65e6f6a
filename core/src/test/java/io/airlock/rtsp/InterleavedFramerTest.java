package io.airlock.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InterleavedFramerTest {

    private static final String SETUP = "SETUP rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=1 RTSP/1.0\r\n"
            + "CSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n";
    private static final String SETUP_REPLY = "RTSP/1.0 200 OK\r\nCSeq: 2\r\nSession:        708345999;timeout=60\r\n"
            + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=4cacc3d1;mode=\"play\"\r\n\r\n";
    /** LF-only response with a body, as some cameras send. */
    private static final String DESCRIBE_REPLY = "RTSP/1.0 200 OK\nCSeq: 1\nContent-Length: 18\n\nv=0\ns=Media Server";
    private static final byte[] RTP_FRAME = {
        0x24,                   // '$'
        0x00,                   // channel 0 (RTP)
        0x00, 0x0C,             // length 12
        (byte) 0x80, 0x60,      // V=2, PT=96
        0x5E, 0x28,             // sequence number 24104
        0x4B, (byte) 0xBE, 0x1E, 0x7E, // timestamp
        0x4C, (byte) 0xAC, (byte) 0xC3, (byte) 0xD1, // SSRC 4cacc3d1
    };
    private static final byte[] RTCP_FRAME = {
        0x24,                   // '$'
        0x01,                   // channel 1 (RTCP)
        0x00, 0x00,             // length 0
    };

    private static byte[] sequence() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SETUP.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(RTP_FRAME);
        out.writeBytes(SETUP_REPLY.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(RTCP_FRAME);
        out.writeBytes(DESCRIBE_REPLY.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(RTP_FRAME);
        return out.toByteArray();
    }

    private static RecordingListener run(final byte[] bytes, final int... splits) {
        final RecordingListener l = new RecordingListener();
        final InterleavedFramer f = new InterleavedFramer(l, ByteBufAllocator.DEFAULT);
        int prev = 0;
        for (int i = 0; i <= splits.length; i++) {
            final int next = i < splits.length ? splits[i] : bytes.length;
            final ByteBuf chunk = Unpooled.wrappedBuffer(bytes, prev, next - prev);
            f.feed(chunk, chunk.readerIndex(), next - prev, prev);
            prev = next;
        }
        assertThat(f.hasPending()).isFalse();
        f.reset();
        for (ByteBuf b : l.released) {
            assertThat(b.refCnt()).isZero();
        }
        return l;
    }

    @Test
    void shouldCutRecordedSequenceIntoMessagesAndFrames() {
        final RecordingListener l = run(sequence());
        assertThat(l.events).hasSize(6);
        assertThat(l.events.get(0)).isEqualTo("msg@0:" + SETUP);
        assertThat(l.events.get(1)).isEqualTo("frame@" + SETUP.length() + ":ch0:80605e284bbe1e7e4cacc3d1");
        assertThat(l.events.get(3)).endsWith(":ch1:");
        assertThat(l.events.get(4)).endsWith(DESCRIBE_REPLY);
        assertThat(l.ownedCount).isZero();
    }

    @Test
    void shouldGiveSameUnitsWhenSplitAtEveryBytePosition() {
        final byte[] bytes = sequence();
        final List<String> expected = run(bytes).events;
        for (int i = 1; i < bytes.length; i++) {
            final RecordingListener l = run(bytes, i);
            assertThat(l.events).as("split at " + i).isEqualTo(expected);
        }
    }

    @Test
    void shouldGiveSameUnitsWhenSplitAtEveryPairOfPositions() {
        final byte[] bytes = sequence();
        final List<String> expected = run(bytes).events;
        for (int i = 1; i < bytes.length; i += 13) {
            for (int j = i + 1; j < bytes.length; j += 17) {
                assertThat(run(bytes, i, j).events).as("split at " + i + "," + j).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldGiveSameUnitsWhenFedByteByByte() {
        final byte[] bytes = sequence();
        final int[] splits = new int[bytes.length - 1];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = i + 1;
        }
        final RecordingListener l = run(bytes, splits);
        assertThat(l.events).isEqualTo(run(bytes).events);
        assertThat(l.ownedCount).isEqualTo(6);
    }

    @Test
    void shouldResyncAfterGarbageAndCountSkippedBytes() {
        final String garbage = "\u0001\u0002hello world\r\n";
        final byte[] bytes = (garbage + SETUP_REPLY).getBytes(StandardCharsets.ISO_8859_1);
        final RecordingListener l = run(bytes);
        assertThat(l.events).containsExactly("error@0:GARBAGE:" + garbage.length(),
                "msg@" + garbage.length() + ":" + SETUP_REPLY);
        final byte[] split = bytes.clone();
        for (int i = 1; i < split.length; i++) {
            assertThat(run(split, i).events).as("split at " + i).isEqualTo(l.events);
        }
    }

    @Test
    void shouldSkipHeaderSectionOver64KiB() {
        final StringBuilder sb = new StringBuilder("RTSP/1.0 200 OK\r\n");
        while (sb.length() < RtspMessage.MAX_HEADER_SECTION_LENGTH + 10) {
            sb.append("X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        }
        final String big = sb.toString();
        final byte[] bytes = (big + "\r\n" + SETUP_REPLY).getBytes(StandardCharsets.ISO_8859_1);
        final RecordingListener whole = run(bytes);
        assertThat(whole.events).hasSize(2);
        assertThat(whole.events.get(0)).startsWith("error@0:TOO_LONG:");
        assertThat(whole.events.get(1)).isEqualTo("msg@" + (big.length() + 2) + ":" + SETUP_REPLY);
        assertThat(run(bytes, 1000, 40000, 65600).events).isEqualTo(whole.events);
    }

    @Test
    void shouldSkipContentLengthOver1MiB() {
        final String huge = "RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 2000000\r\n\r\n";
        final byte[] bytes = (huge + "zzzz" + SETUP_REPLY).getBytes(StandardCharsets.ISO_8859_1);
        final RecordingListener l = run(bytes);
        assertThat(l.events).containsExactly("error@0:BODY_TOO_LONG:" + (huge.length() + 4),
                "msg@" + (huge.length() + 4) + ":" + SETUP_REPLY);
    }

    @Test
    void shouldRejectMalformedContentLength() {
        final String bad = "RTSP/1.0 200 OK\r\nContent-Length: -5\r\n\r\n";
        final byte[] bytes = (bad + SETUP_REPLY).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(run(bytes).events).containsExactly("error@0:BAD_CONTENT_LENGTH:" + bad.length(),
                "msg@" + bad.length() + ":" + SETUP_REPLY);
    }

    @Test
    void shouldReleasePendingBufferOnReset() {
        final RecordingListener l = new RecordingListener();
        final InterleavedFramer f = new InterleavedFramer(l);
        final ByteBuf chunk = Unpooled.wrappedBuffer(SETUP.substring(0, 20).getBytes(StandardCharsets.ISO_8859_1));
        f.feed(chunk, 0, 20, 0);
        assertThat(f.hasPending()).isTrue();
        f.reset();
        assertThat(f.hasPending()).isFalse();
        assertThat(l.events).isEmpty();
    }

    @Test
    void shouldAcceptLargeInterleavedFrameAcrossManyFeeds() {
        final byte[] frame = new byte[4 + 65535];
        frame[0] = '$';
        frame[1] = 2;
        frame[2] = (byte) 0xFF;
        frame[3] = (byte) 0xFF;
        final RecordingListener l = run(frame, 3, 100, 30000, 65000);
        assertThat(l.events).hasSize(1);
        assertThat(l.events.get(0)).startsWith("frame@0:ch2:");
        assertThat(l.ownedCount).isEqualTo(1);
    }
}
