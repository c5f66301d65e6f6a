package io.airlock.proxy;

import com.lmax.disruptor.EventHandler;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.Track;

/**
 * The last stage before release in live mode: after the inspectors have seen a camera's packet, hand it to that
 * track's recorders. Sockets are flushed once per batch, not per packet.
 */
final class EgressStage implements EventHandler<PacketEvent> {

    private static final int MAX_DIRTY = 1024;

    private final TrackFanOut[] dirty = new TrackFanOut[MAX_DIRTY];
    private int dirtyCount;

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) {
        if (event.kind() == PacketKind.RTP) {
            Track track = event.track();
            Object egress = track == null ? null : track.egress();
            if (egress instanceof TrackFanOut) {
                TrackFanOut fanOut = (TrackFanOut) egress;
                fanOut.deliver(event.buffer());
                remember(fanOut);
            }
        }
        if (endOfBatch || dirtyCount == MAX_DIRTY) {
            for (int i = 0; i < dirtyCount; i++) {
                dirty[i].flush();
                dirty[i] = null;
            }
            dirtyCount = 0;
        }
    }

    private void remember(TrackFanOut fanOut) {
        for (int i = 0; i < dirtyCount; i++) {
            if (dirty[i] == fanOut) {
                return;
            }
        }
        dirty[dirtyCount++] = fanOut;
    }
}
