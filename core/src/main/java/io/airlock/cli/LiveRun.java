package io.airlock.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps live work (the proxy, the watch) running until Ctrl-C, SIGTERM or the end of a duration, then shuts it down in order. */
final class LiveRun {

    private LiveRun() {
    }

    /**
     * Blocks until Ctrl-C, SIGTERM or the end of the duration, then closes {@code inOrder} in that order.
     * {@code durationSeconds} of 0 means until interrupted.
     */
    static void await(long durationSeconds, AutoCloseable... inOrder) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdown(inOrder);
            stopped.countDown();
        }, "airlock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (durationSeconds > 0) {
            if (!stopped.await(durationSeconds, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                shutdown(inOrder);
            }
        } else {
            stopped.await();
        }
    }

    private static void shutdown(AutoCloseable... inOrder) {
        for (AutoCloseable c : inOrder) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("airlock: while stopping: " + OneLine.of(e));
            }
        }
    }
}
