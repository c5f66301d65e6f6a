package io.airlock.proxy.camera;

import io.netty.channel.EventLoop;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeping a camera's session alive: GET_PARAMETER when its OPTIONS reply lists it (or lists nothing), OPTIONS
 * otherwise or once GET_PARAMETER is refused, at the configured interval or half the session timeout the camera
 * announced (RFC 2326 §12.37), whichever is shorter.
 */
final class KeepAlive {

    static final long MIN_INTERVAL_MS = 100;

    private long intervalMs;
    private boolean getParameter = true;
    private ScheduledFuture<?> timer;

    KeepAlive(final long configuredMs) {
        this.intervalMs = Math.max(MIN_INTERVAL_MS, configuredMs);
    }

    /** The camera's OPTIONS reply: whether it offers GET_PARAMETER. */
    void offered(final boolean getParameterAllowed) {
        getParameter = getParameterAllowed;
    }

    /** The camera's session timeout from its SETUP reply, in seconds; 0 or less when it gave none. */
    void sessionTimeout(final int seconds) {
        if (seconds > 0) {
            intervalMs = Math.max(MIN_INTERVAL_MS, Math.min(intervalMs, seconds * 500L));
        }
    }

    long intervalMs() {
        return intervalMs;
    }

    /** The request that keeps the session alive now. */
    String method() {
        return getParameter ? "GET_PARAMETER" : "OPTIONS";
    }

    /** Runs {@code tick} every interval on {@code loop} until {@link #cancel}. */
    void start(final EventLoop loop, final Runnable tick) {
        timer = loop.scheduleAtFixedRate(tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Learns from a keep-alive's reply; returns why the session is lost, or null. */
    String replied(final String method, final int status) {
        if (status == 454) {
            return "camera forgot the session (454 Session Not Found)";
        }
        if ("GET_PARAMETER".equals(method) && (status == 405 || status == 501)) {
            getParameter = false;
        }
        return null;
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
