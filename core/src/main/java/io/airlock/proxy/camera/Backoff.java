package io.airlock.proxy.camera;

/**
 * Capped exponential reconnect delay: base, 2 x base, 4 x base ... up to the cap (1 s to 30 s by default), back to
 * the base once a session has stayed up for {@code resetAfterMs}. Time is passed in, so tests need no sleeps.
 * Not thread-safe: one per camera, used on its event loop.
 */
public final class Backoff {

    public static final long DEFAULT_BASE_MS = 1_000;
    public static final long DEFAULT_CAP_MS = 30_000;
    public static final long DEFAULT_RESET_AFTER_MS = 30_000;

    private static final int MAX_SHIFT = 30;

    private final long baseMs;
    private final long capMs;
    private final long resetAfterMs;
    private int failures;
    private long upSinceMs = -1;

    public Backoff() {
        this(DEFAULT_BASE_MS, DEFAULT_CAP_MS, DEFAULT_RESET_AFTER_MS);
    }

    public Backoff(final long baseMs, final long capMs, final long resetAfterMs) {
        if (baseMs <= 0 || capMs < baseMs || resetAfterMs < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap and reset >= 0");
        }
        this.baseMs = baseMs;
        this.capMs = capMs;
        this.resetAfterMs = resetAfterMs;
    }

    /** A session came up (PLAY answered) at {@code nowMs}. */
    public void sessionUp(final long nowMs) {
        upSinceMs = nowMs;
    }

    /** A connection attempt or session failed at {@code nowMs}: the delay before the next attempt. */
    public long nextDelay(final long nowMs) {
        if (upSinceMs >= 0 && nowMs - upSinceMs >= resetAfterMs) {
            failures = 0;
        }
        upSinceMs = -1;
        final int shift = Math.min(failures, MAX_SHIFT);
        final long delay = Math.min(capMs, baseMs << shift);
        if (failures < MAX_SHIFT) {
            failures++;
        }
        return delay;
    }

    /** Failures since the last reset. */
    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
        upSinceMs = -1;
    }
}
