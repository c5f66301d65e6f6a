package io.airlock.pipeline;

import com.lmax.disruptor.EventHandler;

import java.util.List;

/**
 * Runs several stages one after the other on one thread, then releases the event. On a machine with fewer cores
 * than stage threads (the 2-core appliance), handing each event between threads costs more than the stages
 * themselves; fusing keeps the order and the one-way flow, without the hand-offs.
 */
final class FusedStages implements EventHandler<PacketEvent> {

    private final EventHandler<PacketEvent>[] stages;

    @SuppressWarnings("unchecked")
    FusedStages(List<? extends EventHandler<PacketEvent>> stages) {
        this.stages = stages.toArray(new EventHandler[0]);
    }

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) throws Exception {
        try {
            for (EventHandler<PacketEvent> stage : stages) {
                stage.onEvent(event, sequence, endOfBatch);
            }
        } finally {
            event.clear();
        }
    }
}
