package io.airlock.cli;

import io.airlock.proxy.Reloader;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SIGHUP reloads the configuration through a {@link Reloader}. The signal handler only queues a request; a thread of
 * its own runs the reloads, one at a time, and the signals that arrive during a reload make one more reload rather
 * than one each.
 */
final class HangupReloads implements AutoCloseable {

    private final BlockingQueue<Boolean> requests = new ArrayBlockingQueue<>(1);
    private final Reloader reloader;
    private final PrintStream log;
    private final Thread worker;
    private Signals.Handle handle;

    private HangupReloads(Reloader reloader, PrintStream log) {
        this.reloader = reloader;
        this.log = log;
        this.worker = new Thread(this::serve, "airlock-reload");
        worker.setDaemon(true);
    }

    /** Reloads on every SIGHUP from now on; says so on {@code log} when SIGHUP cannot reach this process. */
    static HangupReloads start(Reloader reloader, PrintStream log) {
        HangupReloads reloads = new HangupReloads(reloader, log);
        reloads.worker.start();
        reloads.handle = Signals.handle("HUP", () -> reloads.requests.offer(Boolean.TRUE));
        if (reloads.handle == null) {
            log.println("airlock: this JVM keeps SIGHUP to itself (-Xrs?), so SIGHUP cannot reload the configuration");
        } else if (reloads.handle.ignored()) {
            log.println("airlock: SIGHUP is ignored in this process (started under nohup?), so it cannot reload the"
                    + " configuration");
        }
        return reloads;
    }

    private void serve() {
        try {
            while (true) {
                requests.take();
                try {
                    reloader.reload();
                } catch (RuntimeException e) {
                    log.println("airlock: reload failed: " + OneLine.of(e));
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Puts the previous SIGHUP handler back and ends the reload thread (a reload under way finishes). */
    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
        worker.interrupt();
    }
}
