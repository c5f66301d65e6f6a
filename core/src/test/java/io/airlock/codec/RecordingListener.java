package io.airlock.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test listener: records events as text and units as Annex B bytes, and checks start/end pairing. */
public final class RecordingListener implements NalUnitListener {

    public final List<String> events = new ArrayList<>();
    public final ByteArrayOutputStream annexB = new ByteArrayOutputStream();
    private final int headerLength;
    private boolean open;
    private final StringBuilder current = new StringBuilder();
    public int starts;
    public int ends;
    public int incomplete;
    public int accessUnits;

    public RecordingListener(int headerLength) {
        this.headerLength = headerLength;
    }

    @Override
    public void nalStart(int header, long sourceOffset) {
        if (open) {
            throw new AssertionError("nalStart while a unit is open");
        }
        open = true;
        starts++;
        current.setLength(0);
        String h = headerLength == 2 ? String.format("%04x", header) : String.format("%02x", header);
        current.append(h).append(':');
        annexB.writeBytes(new byte[] {0, 0, 0, 1});
        if (headerLength == 2) {
            annexB.write(header >>> 8);
        }
        annexB.write(header & 0xFF);
    }

    @Override
    public void nalPayload(ByteBuf buffer, int offset, int length) {
        if (!open) {
            throw new AssertionError("nalPayload outside a unit");
        }
        if (length <= 0) {
            throw new AssertionError("empty payload slice");
        }
        current.append(ByteBufUtil.hexDump(buffer, offset, length));
        byte[] b = new byte[length];
        buffer.getBytes(offset, b);
        annexB.writeBytes(b);
    }

    @Override
    public void nalEnd(boolean complete) {
        if (!open) {
            throw new AssertionError("nalEnd without nalStart");
        }
        open = false;
        ends++;
        if (!complete) {
            incomplete++;
        }
        events.add(current + (complete ? "" : " (incomplete)"));
    }

    @Override
    public void accessUnitEnd(long timestamp) {
        accessUnits++;
    }

    public boolean open() {
        return open;
    }
}
