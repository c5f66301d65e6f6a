package io.airlock.proxy;

import com.lmax.disruptor.EventHandler;
import io.airlock.metrics.LatencyHistogram;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.Track;
import io.airlock.rtp.RtpPacket;

/**
 * The last stage before release in live mode: after the inspectors have seen a camera's packet, hand it to that
 * track's recorders, RTP as media and sender reports on the track's RTCP channel. Sockets are flushed once per batch, not per packet.
 */
final class EgressStage implements EventHandler<PacketEvent> {

    private static final int MAX_DIRTY = 1024;

    private final TrackFanOut[] dirty = new TrackFanOut[MAX_DIRTY];
    private final LatencyHistogram latency = new LatencyHistogram();
    private int dirtyCount;

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) {
        if (event.kind() == PacketKind.RTP) {
            Track track = event.track();
            Object egress = track == null ? null : track.egress();
            if (egress instanceof TrackFanOut) {
                TrackFanOut fanOut = (TrackFanOut) egress;
                long now = System.nanoTime();
                // The camera side refuses RTP with a payload type in RTCP's range, so this test is unambiguous.
                if (RtpPacket.isRtcp(event.buffer(), event.offset(), event.length())) {
                    fanOut.deliverRtcp(event.buffer(), event.offset(), event.length());
                } else {
                    fanOut.deliver(event.buffer(), event.offset(), event.length(), now);
                    if (event.arrivalNanos() >= 0) {
                        latency.record(now - event.arrivalNanos());
                    }
                }
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

    /** Ingress (camera packet received) to egress (offered to the recorders), per packet. */
    LatencyHistogram latency() {
        return latency;
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
