package io.airlock.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RTSP sessions an {@link RtspServer} serves at once over all its connections. A SETUP that would start a new
 * session takes a slot first and is refused (counted) when none is free; the slot is given back when the session
 * ends (TEARDOWN, idle timeout, connection close, or the server ending it), or when the SETUP fails after all.
 * Thread-safe: each connection's event loop takes and returns its own slots.
 */
final class SessionLimit {

    private final int max;
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    SessionLimit(final int max) {
        this.max = max;
    }

    /** Takes a slot; false (and counted) when all {@code max} are in use. */
    boolean tryAcquire() {
        for (;;) {
            final int n = used.get();
            if (n >= max) {
                refused.incrementAndGet();
                return false;
            }
            if (used.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        used.decrementAndGet();
    }

    int used() {
        return used.get();
    }

    int max() {
        return max;
    }

    /** SETUPs refused because every slot was in use. */
    long refused() {
        return refused.get();
    }
}
