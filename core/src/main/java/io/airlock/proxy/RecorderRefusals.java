package io.airlock.proxy;

import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.server.ServerListener;
import io.airlock.server.TransportRefusal;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the recorder side refuses, told to the operator: a SETUP against the destination policy is an RTSP-01 finding;
 * a SETUP beyond {@code limits.max_recorders} is a log line naming the limit to raise, at most one a minute however
 * hard recorders retry (the metric counts every one).
 */
final class RecorderRefusals implements ServerListener {

    static final long LIMIT_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final SessionFindings findings;
    private final PrintStream log;
    private final LongSupplier nanoClock;
    private final AtomicLong nextLimitLine;
    private final AtomicLong limitRefusalsUntold = new AtomicLong();

    RecorderRefusals(SessionFindings findings, PrintStream log, LongSupplier nanoClock) {
        this.findings = findings;
        this.log = log;
        this.nanoClock = nanoClock;
        this.nextLimitLine = new AtomicLong(nanoClock.getAsLong());
    }

    @Override
    public void refused(InetSocketAddress peer, TransportRefusal reason, String transportHeader) {
        String who = peer.getAddress().getHostAddress();
        findings.raise(Rule.RTSP_01, "refused:" + who + ":" + reason,
                new StreamIdentity(null, who, peer.getPort(), null, 0, "tcp", -1, -1),
                "refused SETUP from " + who + ": " + reason, "transport", String.valueOf(transportHeader));
    }

    @Override
    public void sessionLimitReached(InetSocketAddress peer, String path, int max) {
        long untold = limitRefusalsUntold.incrementAndGet();
        long now = nanoClock.getAsLong();
        long next = nextLimitLine.get();
        if (now - next < 0 || !nextLimitLine.compareAndSet(next, now + LIMIT_LOG_INTERVAL_NANOS)) {
            return;
        }
        limitRefusalsUntold.addAndGet(-untold);
        log.println("airlock: recorder limit reached: refused a SETUP from " + peer.getAddress().getHostAddress()
                + " for " + path + " with 453, all " + max + " sessions are in use"
                + (untold > 1 ? " (" + (untold - 1) + " more refused since the last line)" : "")
                + "; raise limits.max_recorders or end idle recorder sessions");
    }
}
