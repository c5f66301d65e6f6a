package io.airlock.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The queue and thread behind every sink: drops instead of waiting, retries with backoff, flush and close. */
class SinkWorkerTest {

    private static final Duration SHORT = Duration.ofMillis(10);

    /** An output that records, and can be held up or made to fail; once aborted it fails like a closed socket. */
    static final class Recording implements SinkWorker.Output {
        final List<Finding> written = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger syncs = new AtomicInteger();
        volatile boolean stall;
        volatile boolean closed;
        volatile boolean aborted;

        @Override
        public void write(Finding finding) throws IOException {
            entered.countDown();
            if (stall) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
            }
            if (aborted) {
                throw new IOException("closed");
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("disk full");
            }
            written.add(finding);
        }

        @Override
        public void sync() {
            syncs.incrementAndGet();
        }

        @Override
        public void abort() {
            aborted = true;
            release.countDown();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static SinkWorker worker(Recording out, int capacity) {
        return new SinkWorker("test", capacity, out, NOPLogger.NOP_LOGGER, SHORT, Duration.ofMillis(40));
    }

    @Test
    void shouldDropAndCountWithoutWaitingWhenTheWriterIsStalled() throws Exception {
        Recording out = new Recording();
        out.stall = true;
        SinkWorker w = worker(out, 8);
        w.offer(TestFindings.sei229(0));
        assertThat(out.entered.await(5, TimeUnit.SECONDS)).isTrue();
        int accepted = 0;
        for (int i = 1; i <= 1000; i++) {
            accepted += w.offer(TestFindings.sei229(i)) ? 1 : 0;
        }
        // The caller got through 1000 offers while the writer was held up: 8 queued, the rest dropped.
        assertThat(accepted).isEqualTo(8);
        assertThat(w.dropped()).isEqualTo(992);
        assertThat(w.queued()).isEqualTo(8);
        out.release.countDown();
        assertThat(w.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(out.written).hasSize(9);
        assertThat(w.delivered()).isEqualTo(9);
        assertThat(w.close(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void shouldRetryTheSameFindingAfterAFailureAndCountEachAttempt() {
        Recording out = new Recording();
        out.failuresLeft.set(3);
        SinkWorker w = worker(out, 16);
        Finding f = TestFindings.sei229(1);
        w.offer(f);
        assertThat(w.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(out.written).containsExactly(f);
        assertThat(w.errors()).isEqualTo(3);
        assertThat(w.dropped()).isZero();
        w.close(Duration.ofSeconds(1));
    }

    @Test
    void shouldSyncWhatItWroteBeforeFlushReturns() {
        Recording out = new Recording();
        SinkWorker w = worker(out, 16);
        for (int i = 0; i < 5; i++) {
            w.offer(TestFindings.sei229(i));
        }
        assertThat(w.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(out.written).hasSize(5);
        assertThat(out.syncs.get()).isPositive();
        w.close(Duration.ofSeconds(1));
    }

    @Test
    void shouldWriteEverythingQueuedOnCloseThenCloseTheOutput() {
        Recording out = new Recording();
        out.stall = true;
        SinkWorker w = worker(out, 100);
        for (int i = 0; i < 50; i++) {
            w.offer(TestFindings.sei229(i));
        }
        out.release.countDown();
        assertThat(w.close(Duration.ofSeconds(5))).isTrue();
        assertThat(out.written).hasSize(50);
        assertThat(out.closed).isTrue();
        assertThat(w.offer(TestFindings.sei229(99))).isFalse();
        assertThat(w.dropped()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAtTheCloseDeadlineAndCountWhatIsLeft() {
        Recording out = new Recording();
        out.failuresLeft.set(Integer.MAX_VALUE);
        SinkWorker w = worker(out, 100);
        for (int i = 0; i < 10; i++) {
            w.offer(TestFindings.sei229(i));
        }
        assertThat(w.close(Duration.ofMillis(200))).isFalse();
        assertThat(w.dropped()).isEqualTo(10);
        assertThat(out.closed).isTrue();
    }

    @Test
    void shouldAbortAWriteStuckInIoWhenCloseRunsOutOfTime() {
        Recording out = new Recording();
        out.stall = true;
        SinkWorker w = worker(out, 100);
        w.offer(TestFindings.sei229(0));
        w.offer(TestFindings.sei229(1));
        assertThat(w.close(Duration.ofMillis(200))).isFalse();
        assertThat(out.aborted).isTrue();
        assertThat(out.closed).isTrue();
    }

    @Test
    void shouldDescribeAnErrorOnOneLine() {
        assertThat(SinkWorker.describe(new IOException("No space\nleft on device")))
                .isEqualTo("IOException: No space left on device");
        assertThat(SinkWorker.describe(new IOException())).isEqualTo("IOException");
    }
}
