package io.airlock.rtsp.netty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InterleavedFrameDecoderTest {

    private static final String OPTIONS = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n";
    private static final String SET_PARAMETER =
            "SET_PARAMETER rtsp://cam/ RTSP/1.0\r\nCSeq: 2\r\ncontent-LENGTH: 5\r\n\r\nab$cd";
    private static final byte[] FRAME = {
        '$', // magic
        1, // channel 1 (RTCP)
        0, 8, // length 8
        (byte) 0x81, (byte) 0xC9, 0, 1, 0x11, 0x22, 0x33, 0x44, // RTCP RR header + SSRC
    };

    private final List<Object> events = new ArrayList<>();

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new InterleavedFrameDecoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) {
                events.add(evt);
            }
        });
    }

    private static byte[] stream() {
        final ByteBuf b = Unpooled.buffer();
        b.writeBytes(OPTIONS.getBytes(StandardCharsets.US_ASCII)).writeBytes(FRAME).writeBytes("\r\n".getBytes(
                StandardCharsets.US_ASCII)).writeBytes(SET_PARAMETER.getBytes(StandardCharsets.US_ASCII));
        final byte[] a = new byte[b.readableBytes()];
        b.readBytes(a);
        b.release();
        return a;
    }

    @Test
    void shouldSplitRequestFrameRequestAtEverySplitPoint() {
        final byte[] all = stream();
        for (int split = 0; split <= all.length; split++) {
            final EmbeddedChannel ch = channel();
            ch.writeInbound(Unpooled.wrappedBuffer(all, 0, split));
            ch.writeInbound(Unpooled.wrappedBuffer(all, split, all.length - split));
            final ByteBuf first = ch.readInbound();
            final InterleavedFrame frame = ch.readInbound();
            final ByteBuf second = ch.readInbound();
            assertThat(first.toString(StandardCharsets.US_ASCII)).isEqualTo(OPTIONS);
            assertThat(frame.channel()).isEqualTo(1);
            assertThat(frame.content().readableBytes()).isEqualTo(8);
            assertThat(frame.content().getInt(4)).isEqualTo(0x11223344);
            assertThat(second.toString(StandardCharsets.US_ASCII)).isEqualTo(SET_PARAMETER);
            assertThat((Object) ch.readInbound()).isNull();
            first.release();
            frame.release();
            second.release();
            assertThat(ch.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void shouldCloseOnHeaderSectionOver64KiB() {
        final EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer("OPTIONS * RTSP/1.0\r\nX: " + "a".repeat(70_000),
                StandardCharsets.US_ASCII));
        assertThat(ch.isOpen()).isFalse();
        assertThat(events).containsExactly(FramingRejection.HEADERS_TOO_LONG);
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldCloseAConnectionThatPipelinesMoreRequestsInOneReadThanARecorderEverWould() {
        final EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer(OPTIONS.repeat(10_000), StandardCharsets.US_ASCII));
        int passed = 0;
        for (ByteBuf m; (m = ch.readInbound()) != null; m.release()) {
            passed++;
        }
        assertThat(passed).isEqualTo(InterleavedFrameDecoder.MAX_MESSAGES_PER_READ);
        assertThat(ch.isOpen()).isFalse();
        assertThat(events).containsExactly(FramingRejection.PIPELINE_FLOOD);
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldPassAsManyPipelinedRequestsAsTheLimitWithMediaFramesBetween() {
        final EmbeddedChannel ch = channel();
        final ByteBuf in = Unpooled.buffer();
        for (int i = 0; i < InterleavedFrameDecoder.MAX_MESSAGES_PER_READ; i++) {
            in.writeBytes(OPTIONS.getBytes(StandardCharsets.US_ASCII)).writeBytes(FRAME);
        }
        ch.writeInbound(in);
        assertThat(ch.isOpen()).isTrue();
        assertThat(events).isEmpty();
        assertThat(ch.finishAndReleaseAll()).isTrue();
    }

    @Test
    void shouldCloseOnContentLengthOverOneMiB() {
        final EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer("ANNOUNCE * RTSP/1.0\r\nContent-Length: 99999999\r\n\r\n",
                StandardCharsets.US_ASCII));
        assertThat(ch.isOpen()).isFalse();
        assertThat(events).containsExactly(FramingRejection.BODY_TOO_LONG);
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldCloseOnConflictingOrNonNumericContentLength() {
        for (String cl : new String[] {"Content-Length: -5", "Content-Length: 1\r\nContent-Length: 2",
            "Content-Length: 99999999999999999999"}) {
            events.clear();
            final EmbeddedChannel ch = channel();
            ch.writeInbound(Unpooled.copiedBuffer("ANNOUNCE * RTSP/1.0\r\n" + cl + "\r\n\r\n",
                    StandardCharsets.US_ASCII));
            assertThat(ch.isOpen()).isFalse();
            assertThat(events).containsExactly(FramingRejection.BAD_CONTENT_LENGTH);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void shouldWaitForAWholeFrameAndPassEmptyFrames() {
        final EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'$', 0, 0, 3, 1, 2}));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, '$', 7, 0, 0}));
        final InterleavedFrame a = ch.readInbound();
        final InterleavedFrame b = ch.readInbound();
        assertThat(a.content().readableBytes()).isEqualTo(3);
        assertThat(b.channel()).isEqualTo(7);
        assertThat(b.content().readableBytes()).isZero();
        a.release();
        b.release();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    /** Arbitrary bytes in arbitrary chunks: no exception, every output well formed, nothing leaked. */
    @FuzzTest(maxDuration = "10s")
    void fuzzDecoder(final byte[] data) {
        final EmbeddedChannel ch = new EmbeddedChannel(new InterleavedFrameDecoder());
        int pos = 0;
        int chunk = 1;
        while (pos < data.length && ch.isOpen()) {
            final int n = Math.min(chunk, data.length - pos);
            ch.writeInbound(Unpooled.wrappedBuffer(data, pos, n));
            pos += n;
            chunk = chunk * 3 + 1;
        }
        Object o;
        while ((o = ch.readInbound()) != null) {
            if (o instanceof InterleavedFrame) {
                assertThat(((InterleavedFrame) o).content().readableBytes()).isLessThanOrEqualTo(0xFFFF);
            } else {
                assertThat(((ByteBuf) o).readableBytes()).isPositive();
            }
            ReferenceCountUtil.release(o);
        }
        ch.finishAndReleaseAll();
    }
}
