package io.airlock.container.dhav;

import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test listener: a split-independent event log, the video payload, and frameStart/frameEnd balance. */
final class RecordingDhavListener implements DhavListener {

    final List<String> events = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final ByteArrayOutputStream video = new ByteArrayOutputStream();
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    int open;
    int maxOpen;
    int starts;

    @Override
    public void fileHeader(long offset) {
        events.add("file @" + offset);
    }

    @Override
    public void frameStart(int type, int subtype, int channel, long frameNumber, long frameLength, long dateBits,
            int timestampMs, long offset) {
        events.add("frame " + Integer.toHexString(type) + " #" + frameNumber + " len=" + frameLength + " date="
                + Long.toHexString(dateBits) + " ts=" + timestampMs + " @" + offset);
        open++;
        starts++;
        maxOpen = Math.max(maxOpen, open);
        frame.reset();
    }

    @Override
    public void extension(int type, ByteBuf buf, int off, int len, boolean known, long offset) {
        events.add("ext " + Integer.toHexString(type) + " known=" + known + " " + Hex.of(buf, off, len));
    }

    @Override
    public void videoInfo(int codec, int width, int height, int frameRate) {
        events.add("video codec=" + codec + " " + width + "x" + height + "@" + frameRate);
    }

    @Override
    public void framePayload(int type, ByteBuf buf, int off, int len) {
        byte[] b = new byte[len];
        buf.getBytes(off, b);
        frame.writeBytes(b);
        if (type == 0xFD || type == 0xFC) {
            video.writeBytes(b);
        }
    }

    @Override
    public void frameEnd(boolean tailOk) {
        events.add("end tailOk=" + tailOk + " payload=" + Hex.of(frame.toByteArray(), 0, frame.size()));
        open--;
    }

    @Override
    public void rejected(Rejection reason, long offset) {
        events.add("rejected " + reason.name() + " @" + offset);
        rejections.add(reason);
    }
}
