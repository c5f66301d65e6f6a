package io.airlock.rtsp;

import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test listener: records each event as text, releases owned buffers and remembers them for refCnt checks. */
final class RecordingListener implements RtspFrameListener {

    final List<String> events = new ArrayList<>();
    final List<ByteBuf> released = new ArrayList<>();
    int ownedCount;

    @Override
    public void rtspMessage(final ByteBuf buf, final int off, final int len, final boolean owned, final long so) {
        events.add("msg@" + so + ":" + buf.toString(off, len, StandardCharsets.ISO_8859_1));
        done(buf, owned);
    }

    @Override
    public void interleavedFrame(final int channel, final ByteBuf buf, final int off, final int len,
                                 final boolean owned, final long so) {
        events.add("frame@" + so + ":ch" + channel + ":" + Hex.of(buf, off, len, 1 << 20));
        done(buf, owned);
    }

    @Override
    public void framingError(final Rejection reason, final long so, final long skipped) {
        events.add("error@" + so + ":" + reason.name() + ":" + skipped);
    }

    private void done(final ByteBuf buf, final boolean owned) {
        if (owned) {
            ownedCount++;
            buf.release();
            released.add(buf);
        }
    }
}
