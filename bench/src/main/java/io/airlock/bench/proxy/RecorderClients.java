package io.airlock.bench.proxy;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * N raw recorders: handshakes on the caller's thread, then one selector thread ({@value #THREAD_NAME}) reads every
 * connection. Totals are sums of the per-stream counters, readable from any thread.
 */
final class RecorderClients implements AutoCloseable {

    static final String THREAD_NAME = "load-recorders";

    private final List<RecorderStream> streams = new ArrayList<>();
    private final ConcurrentLinkedQueue<RecorderStream> pending = new ConcurrentLinkedQueue<>();
    private final Selector selector;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long closedEarly;

    RecorderClients() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens one recorder on {@code url} and hands it to the selector thread. */
    void open(String url) throws IOException {
        RecorderStream s = new RecorderStream(url);
        s.open();
        streams.add(s);
        pending.add(s);
        selector.wakeup();
    }

    private void loop() {
        try {
            while (running) {
                selector.select(100);
                RecorderStream added;
                while ((added = pending.poll()) != null) {
                    added.channel().register(selector, SelectionKey.OP_READ, added);
                    added.readable();
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    RecorderStream s = (RecorderStream) k.attachment();
                    if (!k.isValid() || !s.readable()) {
                        k.cancel();
                        closedEarly = closedEarly + 1;
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                System.err.println("load: recorder selector failed: " + e);
            }
        }
    }

    int size() {
        return streams.size();
    }

    long closedEarly() {
        return closedEarly;
    }

    /** Totals over all streams: packets, bytes, sequence gaps, reordered packets. */
    long[] totals() {
        long[] t = new long[4];
        for (RecorderStream s : streams) {
            t[0] += s.packets;
            t[1] += s.bytes;
            t[2] += s.gaps;
            t[3] += s.reordered;
        }
        return t;
    }

    /** Streams that received nothing between two snapshots of {@link #packetsPerStream()}. */
    long[] packetsPerStream() {
        long[] p = new long[streams.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = streams.get(i).packets;
        }
        return p;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RecorderStream s : streams) {
            s.close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // end of run
        }
    }
}
