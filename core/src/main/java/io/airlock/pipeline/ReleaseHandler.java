package io.airlock.pipeline;

import com.lmax.disruptor.EventHandler;

/** The last stage: releases the buffer an event owns and drops its references so the ring pins no memory. */
public final class ReleaseHandler implements EventHandler<PacketEvent> {

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) {
        event.clear();
    }
}
