package io.airlock.proxy.camera;

import java.util.concurrent.ScheduledFuture;

/**
 * The one request in flight on a camera connection. RFC 2326 lets a client pipeline requests, but some cameras
 * mishandle them, so Airlock waits for each reply. Kept here: the CSeq a reply must carry, what to send again
 * after a 401 challenge, and the timer that gives up waiting.
 */
final class OutstandingRequest {

    private int nextCseq = 1;
    private String method;
    private String uri;
    private String extraName;
    private String extraValue;
    private int cseq;
    private ScheduledFuture<?> timer;

    /** Records a request about to be sent; returns its CSeq. */
    int begin(final String method, final String uri, final String extraName, final String extraValue) {
        this.method = method;
        this.uri = uri;
        this.extraName = extraName;
        this.extraValue = extraValue;
        this.cseq = nextCseq++;
        return cseq;
    }

    /** A CSeq for a request that expects no handling of its reply (TEARDOWN). */
    int unanswered() {
        return nextCseq++;
    }

    /** Gives up on the request when {@code timeout} fires, unless it is answered first. */
    void timeout(final ScheduledFuture<?> timeout) {
        this.timer = timeout;
    }

    /** True while a request waits for its reply. */
    boolean waiting() {
        return method != null;
    }

    /** The method waited for, or null. */
    String method() {
        return method;
    }

    /** Whether a reply with {@code replyCseq} (-1 when it carried none: some cameras omit it) answers the request. */
    boolean answeredBy(final int replyCseq) {
        return method != null && (replyCseq < 0 || replyCseq == cseq);
    }

    /** Stops waiting; returns the method that was answered. Its URI and extra header stay for a retry. */
    String answered() {
        final String m = method;
        method = null;
        cancel();
        return m;
    }

    String uri() {
        return uri;
    }

    String extraName() {
        return extraName;
    }

    String extraValue() {
        return extraValue;
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
