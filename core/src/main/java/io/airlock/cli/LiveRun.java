package io.airlock.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps live work (the proxy, the watch) running until SIGTERM, Ctrl-C or the end of a duration, then stops it in
 * order, all within {@link #STOP_BOUND_MS}. SIGTERM and SIGINT are handled here rather than by the JVM's default
 * (shutdown hooks, then exit status 128 + signal), so that a clean stop exits 0; a shutdown hook still stops the
 * work when the JVM exits for another reason.
 */
final class LiveRun {

    /** The whole stop, every step included: a service manager waits about this long before it kills. */
    static final long STOP_BOUND_MS = 10_000;
    /** Kept back for each later step, so that a stuck step cannot take the time of those after it. */
    private static final long STEP_RESERVE_MS = 1_000;

    /** One piece of live work to stop; says what it did for the "stopped:" line, or null for nothing to say. */
    @FunctionalInterface
    interface Step {
        String stop() throws Exception;
    }

    /** A step and the name the log gives it if it gets stuck. */
    record Named(String name, Step step) {
    }

    private LiveRun() {
    }

    /** {@link #until} without a "stopped:" line, closing {@code inOrder} in that order. */
    static void await(long durationSeconds, AutoCloseable... inOrder) throws InterruptedException {
        List<Named> steps = new ArrayList<>();
        for (AutoCloseable c : inOrder) {
            Class<?> type = c.getClass();
            String name = type.isSynthetic() || type.isHidden() ? "step " + (steps.size() + 1) : type.getSimpleName();
            steps.add(new Named(name, () -> {
                c.close();
                return null;
            }));
        }
        until(durationSeconds, null, System.err, steps);
    }

    /**
     * Blocks until SIGTERM, Ctrl-C or the end of the duration (0: until stopped), then runs {@code steps} in order
     * within {@link #STOP_BOUND_MS} and prints one line "stopped: ..." on {@code out} (when not null) with what they
     * said. A step that does not finish in its time is named on {@code err} and left behind.
     */
    static void until(long durationSeconds, PrintStream out, PrintStream err, List<Named> steps)
            throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Signals.Handle term = Signals.handle("TERM", stopRequested::countDown);
        Signals.Handle interrupt = Signals.handle("INT", stopRequested::countDown);
        // Any other exit (System.exit elsewhere, or a JVM that keeps the signals to itself) still stops in order.
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped, STOP_BOUND_MS + STEP_RESERVE_MS);
        }, "airlock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (durationSeconds > 0) {
                stopRequested.await(durationSeconds, TimeUnit.SECONDS);
            } else {
                stopRequested.await();
            }
            String summary = stop(err, steps);
            if (out != null) {
                out.println("stopped: " + summary);
                out.flush();
            }
        } finally {
            stopped.countDown();
            for (Signals.Handle h : new Signals.Handle[] {term, interrupt}) {
                if (h != null) {
                    h.close();
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook has run or is running, and returns now.
            }
        }
    }

    /** Runs each step on a thread of its own, waiting for it no longer than its share of the bound. */
    private static String stop(PrintStream err, List<Named> steps) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(STOP_BOUND_MS);
        List<String> said = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Named named = steps.get(i);
            String[] result = new String[1];
            Thread t = new Thread(() -> {
                try {
                    result[0] = named.step().stop();
                } catch (Exception | LinkageError e) {
                    err.println("airlock: while stopping " + named.name() + ": " + OneLine.of(e));
                }
            }, "airlock-stop-" + named.name());
            t.setDaemon(true);
            t.start();
            long reserve = TimeUnit.MILLISECONDS.toNanos(STEP_RESERVE_MS) * (steps.size() - 1 - i);
            long budget = Math.max(TimeUnit.MILLISECONDS.toNanos(100), deadline - reserve - System.nanoTime());
            TimeUnit.NANOSECONDS.timedJoin(t, budget);
            if (t.isAlive()) {
                err.println("airlock: stopping " + named.name() + " did not finish within "
                        + TimeUnit.NANOSECONDS.toMillis(budget) + " ms; going on without it");
                said.add(named.name() + " still stopping");
            } else if (result[0] != null) {
                said.add(result[0]);
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return (said.isEmpty() ? "" : String.join("; ", said) + "; ") + "in " + ms + " ms";
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
