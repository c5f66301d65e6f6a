package io.airlock.rtsp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.sdp.SessionDescription;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets for the RTSP parsers (regression mode runs them as plain tests), plus a deterministic
 * mutation run over the corpus transcripts so every build exercises them with hostile bytes.
 */
class RtspFuzzTest {

    private static final ByteBufAllocator NO_LEAK_TRACKING = new UnpooledByteBufAllocator(false, true);

    @FuzzTest(maxDuration = "30s")
    void fuzzInterleavedFramerAtRandomSplitPoints(final byte[] data) {
        if (data.length < 2) {
            return;
        }
        final long seed = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        final Random random = new Random(seed);
        final RecordingListener l = new RecordingListener();
        final long[] accounted = new long[1];
        final RtspFrameListener counting = new RtspFrameListener() {
            @Override
            public void rtspMessage(final ByteBuf buf, final int off, final int len, final boolean owned,
                                    final long so) {
                assertThat(len).isPositive();
                final RtspMessage m = new RtspMessage();
                m.wrap(buf, off, len);
                accounted[0] += len;
                l.rtspMessage(buf, off, len, owned, so);
            }

            @Override
            public void interleavedFrame(final int channel, final ByteBuf buf, final int off, final int len,
                                         final boolean owned, final long so) {
                assertThat(channel).isBetween(0, 255);
                accounted[0] += len + 4;
                l.interleavedFrame(channel, buf, off, len, owned, so);
            }

            @Override
            public void framingError(final Rejection reason, final long so, final long skipped) {
                assertThat(skipped).isPositive();
                accounted[0] += skipped;
                l.framingError(reason, so, skipped);
            }
        };
        // Paranoid leak detection records a stack trace per byte read, too slow here; refCnt is still asserted.
        final InterleavedFramer f = new InterleavedFramer(counting, NO_LEAK_TRACKING);
        int pos = 2;
        while (pos < data.length) {
            final int n = Math.min(data.length - pos, 1 + random.nextInt(64));
            final ByteBuf chunk = Unpooled.wrappedBuffer(data, pos, n);
            f.feed(chunk, chunk.readerIndex(), n, pos - 2);
            pos += n;
        }
        assertThat(accounted[0]).isLessThanOrEqualTo(data.length - 2);
        f.reset();
        assertThat(f.hasPending()).isFalse();
        for (ByteBuf b : l.released) {
            assertThat(b.refCnt()).isZero();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzRtspMessage(final byte[] data) {
        final RtspMessage m = new RtspMessage();
        final Rejection r = m.wrap(Unpooled.wrappedBuffer(data), 0, data.length);
        if (r != null) {
            assertThat(r.description()).isNotBlank();
            return;
        }
        assertThat(m.length()).isBetween(1, data.length);
        assertThat(m.headerCount()).isBetween(0, RtspMessage.MAX_HEADERS);
        for (int i = 0; i < m.headerCount(); i++) {
            assertThat(m.headerName(i)).isNotEmpty();
            m.headerValue(i);
        }
        m.cseq();
        m.body();
        m.reasonPhrase();
        VendorFingerprints.of(m, SessionDescription.parse(m.body()));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzTransportAndAuthenticate(final byte[] data) {
        final String s = new String(data, StandardCharsets.ISO_8859_1);
        final TransportHeader t = new TransportHeader();
        if (t.parse(s) == null) {
            assertThat(t.specCount()).isBetween(1, TransportHeader.MAX_SPECS);
            for (int i = 0; i < t.specCount(); i++) {
                t.select(i);
                assertThat(t.ssrc()).isBetween(-1L, 0xFFFFFFFFL);
                assertThat(t.clientPortHigh()).isBetween(-1, 65535);
                assertThat(t.interleavedHigh()).isBetween(-1, 255);
            }
        }
        final AuthenticateHeader a = new AuthenticateHeader();
        if (a.parse(s) == null) {
            assertThat(a.challengeCount()).isBetween(1, AuthenticateHeader.MAX_CHALLENGES);
            for (int i = 0; i < a.challengeCount(); i++) {
                a.realm(i);
                a.stale(i);
            }
        }
    }

    /** Feeds bit-flipped, truncated and spliced corpus transcripts to every fuzz target. */
    @Test
    void shouldSurviveMutatedCorpus() throws Exception {
        final List<byte[]> seeds = new ArrayList<>();
        for (Path p : CorpusFiles.transcriptFiles()) {
            seeds.add(Files.readAllBytes(p));
        }
        final Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            final byte[] base = seeds.get(random.nextInt(seeds.size()));
            final byte[] other = seeds.get(random.nextInt(seeds.size()));
            byte[] d = random.nextBoolean() ? base.clone() : splice(base, other, random);
            final int flips = random.nextInt(8);
            for (int i = 0; i < flips && d.length > 0; i++) {
                d[random.nextInt(d.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0 && d.length > 0) {
                d = java.util.Arrays.copyOf(d, random.nextInt(d.length));
            }
            if (random.nextInt(3) == 0 && d.length > 4) {
                d[random.nextInt(d.length - 4)] = '$';
            }
            fuzzInterleavedFramerAtRandomSplitPoints(d);
            fuzzRtspMessage(d);
            fuzzTransportAndAuthenticate(d);
        }
    }

    private static byte[] splice(final byte[] a, final byte[] b, final Random random) {
        final int cut = a.length == 0 ? 0 : random.nextInt(a.length);
        final byte[] out = new byte[cut + b.length];
        System.arraycopy(a, 0, out, 0, cut);
        System.arraycopy(b, 0, out, cut, b.length);
        return out;
    }
}
