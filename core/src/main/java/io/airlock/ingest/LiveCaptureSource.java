package io.airlock.ingest;

import io.airlock.capture.CaptureRecord;
import io.airlock.capture.LiveCapture;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.PacketPublisher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Publishes every frame captured on an interface into the ring as a {@link PacketKind#FRAME}, the same event a
 * capture file's frames become, so the watch judges live and recorded traffic alike. Each ring slot owns one buffer
 * the frame is copied into once, out of libpcap's ring: the slot is free again only when every stage has passed it,
 * so nothing is allocated per packet. A quiet wire publishes {@link PacketKind#IDLE} so expiry still runs.
 */
public final class LiveCaptureSource implements Runnable {

    private final LiveCapture capture;
    private final PacketPublisher publisher;
    private final ByteBuf[] slots;
    private final int mask;
    private final CaptureRecord record = new CaptureRecord();
    private volatile boolean running = true;
    private volatile boolean finished;

    /**
     * @param ringSize the ring's capacity (a power of two)
     * @param snaplen  the capture's snapshot length: each slot holds one whole captured frame
     */
    public LiveCaptureSource(LiveCapture capture, PacketPublisher publisher, int ringSize, int snaplen) {
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two, not " + ringSize);
        }
        this.capture = capture;
        this.publisher = publisher;
        this.slots = new ByteBuf[ringSize];
        this.mask = ringSize - 1;
        for (int i = 0; i < ringSize; i++) {
            slots[i] = Unpooled.directBuffer(snaplen, snaplen);
        }
    }

    /** Captures until {@link #stop()}, then publishes {@link PacketKind#END_OF_STREAM}. */
    @Override
    public void run() {
        try {
            while (running) {
                long seq = publisher.claim();
                PacketEvent event = publisher.event(seq);
                ByteBuf slot = slots[(int) (seq & mask)];
                if (capture.next(record, slot)) {
                    event.set(PacketKind.FRAME, slot, 0, record.capturedLength(), false)
                            .timestampNs(record.timestampNs()).linkType(record.linkType());
                } else {
                    event.set(PacketKind.IDLE, null, 0, 0, false).timestampNs(System.currentTimeMillis() * 1_000_000L);
                }
                publisher.publish(seq);
            }
        } finally {
            long seq = publisher.claim();
            publisher.event(seq).set(PacketKind.END_OF_STREAM, null, 0, 0, false);
            publisher.publish(seq);
            finished = true;
        }
    }

    /** Asks the capture loop to end; it notices within the capture timeout. */
    public void stop() {
        running = false;
    }

    public boolean finished() {
        return finished;
    }

    /**
     * Frees the slot buffers once {@link #run()} has finished and nothing reads the ring any more (its stages have
     * stopped); before that it does nothing, since the capture thread or a stage could still be using them.
     */
    public void release() {
        if (!finished) {
            return;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                slots[i].release();
                slots[i] = null;
            }
        }
    }
}
