package io.airlock.cli;

import io.airlock.proxy.ProxyRuntime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps a live proxy running until Ctrl-C, SIGTERM or the end of a duration, then shuts it down in order. */
final class LiveRun {

    private LiveRun() {
    }

    /** Blocks; {@code durationSeconds} of 0 means until interrupted. */
    static void await(ProxyRuntime runtime, long durationSeconds, AutoCloseable... alsoClose) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdown(runtime, alsoClose);
            stopped.countDown();
        }, "airlock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (durationSeconds > 0) {
            if (!stopped.await(durationSeconds, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                shutdown(runtime, alsoClose);
            }
        } else {
            stopped.await();
        }
    }

    private static void shutdown(ProxyRuntime runtime, AutoCloseable... alsoClose) {
        runtime.close();
        for (AutoCloseable c : alsoClose) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("airlock: while stopping: " + OneLine.of(e));
            }
        }
    }
}
