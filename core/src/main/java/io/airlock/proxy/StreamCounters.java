package io.airlock.proxy;

import io.airlock.metrics.SingleWriterCounter;

/**
 * The counts of one camera stream, each kept by the one thread that sees what it counts and read by the metrics
 * scrape. They belong to the stream, not to its tracks, so they keep growing when a reconnect changes the track layout.
 */
final class StreamCounters {

    // The camera session's event loop.
    final SingleWriterCounter inboundPackets = new SingleWriterCounter();
    final SingleWriterCounter inboundBytes = new SingleWriterCounter();
    final SingleWriterCounter ringFull = new SingleWriterCounter();
    final SingleWriterCounter reconnects = new SingleWriterCounter();
    final SingleWriterCounter rejected = new SingleWriterCounter();
    final SingleWriterCounter senderReports = new SingleWriterCounter();

    // The egress stage's thread.
    final SingleWriterCounter outboundPackets = new SingleWriterCounter();
    final SingleWriterCounter outboundBytes = new SingleWriterCounter();
    final SingleWriterCounter recorderDrops = new SingleWriterCounter();
    final SingleWriterCounter recorderStalls = new SingleWriterCounter();
}
