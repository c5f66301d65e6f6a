package io.airlock.cli;

import io.airlock.ingest.SourceProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;

/** A progress bar on stderr that follows a source's position; does nothing when stderr is not a terminal. */
final class ProgressDisplay implements AutoCloseable {

    private static final long MIB = 1 << 20;
    private static final int UPDATE_MS = 200;

    private final String name;
    private final PrintStream err;
    private final boolean enabled;
    private volatile SourceProgress source;
    private volatile boolean closed;
    private Thread poller;
    private ProgressBar bar;

    private ProgressDisplay(String name, PrintStream err, boolean enabled) {
        this.name = name;
        this.err = err;
        this.enabled = enabled;
    }

    static ProgressDisplay create(boolean enabled, String name, PrintStream err) {
        return new ProgressDisplay(name, err, enabled);
    }

    /** Called with the running source; starts following it. */
    void start(SourceProgress source) {
        this.source = source;
        if (!enabled) {
            return;
        }
        long size = Math.max(1, source.size());
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(size / MIB + 1)
                .setUnit(" MiB", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(UPDATE_MS)
                .setConsumer(new ConsoleProgressBarConsumer(err)).showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setMaxRenderedLength(100).build();
        poller = new Thread(() -> {
            while (!closed) {
                bar.stepTo(this.source.position() / MIB);
                try {
                    Thread.sleep(UPDATE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "airlock-progress");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public void close() {
        closed = true;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(Duration.ofSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
        }
    }
}
