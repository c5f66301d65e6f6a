package io.airlock.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionPipelineTest {

    @Test
    void shouldRunStagesInOrderAndReleaseOwnedBuffers() throws Exception {
        long[] marks = new long[1000];
        List<Long> second = new ArrayList<>();
        List<Long> unordered = new ArrayList<>();
        EventHandler<PacketEvent> a = (e, seq, end) -> marks[(int) e.sourceOffset()] = seq + 1;
        // The second stage sees what the first wrote for the same event: the sequence barrier orders them.
        EventHandler<PacketEvent> b = (e, seq, end) -> {
            if (marks[(int) e.sourceOffset()] != seq + 1) {
                unordered.add(seq);
            }
            second.add(e.sourceOffset());
        };
        List<ByteBuf> buffers = new ArrayList<>();
        try (InspectionPipeline pipeline = new InspectionPipeline(64, new SleepingWaitStrategy(), ProducerType.SINGLE,
                List.of(a, b))) {
            PacketPublisher publisher = pipeline.publisher();
            for (int i = 0; i < 1000; i++) {
                ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(16).writeLong(i);
                buffers.add(buf);
                long seq = publisher.claim(PacketKind.RTP, buf, 0, 8, true);
                publisher.event(seq).sourceOffset(i);
                publisher.publish(seq);
            }
            pipeline.drainAndStop(10, TimeUnit.SECONDS);
            assertThat(pipeline.handlerFailures()).isZero();
        }
        assertThat(second).hasSize(1000).isSorted();
        assertThat(unordered).isEmpty();
        assertThat(buffers).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    }

    @Test
    void shouldRunFusedStagesInOrderOnOneThreadAndRelease() throws Exception {
        List<String> order = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        EventHandler<PacketEvent> a = (e, seq, end) -> {
            order.add("a" + e.sourceOffset());
            threads.add(Thread.currentThread());
        };
        EventHandler<PacketEvent> b = (e, seq, end) -> {
            order.add("b" + e.sourceOffset());
            threads.add(Thread.currentThread());
        };
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(8).writeLong(1);
        try (InspectionPipeline pipeline = new InspectionPipeline(64, new SleepingWaitStrategy(), ProducerType.SINGLE,
                List.of(a, b), true)) {
            for (int i = 0; i < 3; i++) {
                long seq = pipeline.publisher().claim(PacketKind.RTP, i == 0 ? buf : null, 0, 8, i == 0);
                pipeline.publisher().event(seq).sourceOffset(i);
                pipeline.publisher().publish(seq);
            }
            pipeline.drainAndStop(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
        assertThat(threads).containsOnly(threads.get(0));
        assertThat(buf.refCnt()).isZero();
    }

    @Test
    void shouldGiveTheStageThreadItsCpuAloneWhileRunningAndGiveItBackAfter() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/thread-self/status")), "needs Linux /proc");
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        String creatorBefore = allowedCpus();
        Assumptions.assumeTrue(creatorBefore.startsWith("0-"), "needs CPUs 0 and 1 or more, has " + creatorBefore);
        String othersWhileRunning = creatorBefore.equals("0-1") ? "1" : "1-" + creatorBefore.substring(2);
        try (CpuWitness before = new CpuWitness()) {
            List<String> stageCpus = new ArrayList<>();
            List<String> stageThreads = new ArrayList<>();
            EventHandler<PacketEvent> a = (e, seq, end) -> {
                stageCpus.add(allowedCpus());
                stageThreads.add(Thread.currentThread().getName());
            };
            EventHandler<PacketEvent> b = (e, seq, end) -> stageThreads.add(Thread.currentThread().getName());
            // Not fused by the caller: a stage CPU fuses them, since they would only take turns on it.
            try (InspectionPipeline pipeline = new InspectionPipeline(64, new SleepingWaitStrategy(),
                    ProducerType.SINGLE, List.of(a, b), false, 0)) {
                long seq = pipeline.publisher().claim(PacketKind.RTP, null, 0, 0, false);
                pipeline.publisher().publish(seq);
                assertThat(allowedCpus()).as("the creating thread, while the stage runs").isEqualTo(othersWhileRunning);
                assertThat(before.cpus()).as("a thread started before").isEqualTo(othersWhileRunning);
                try (CpuWitness during = new CpuWitness()) {
                    assertThat(during.cpus()).as("a thread started while it runs").isEqualTo(othersWhileRunning);
                }
                pipeline.drainAndStop(10, TimeUnit.SECONDS);
            }
            assertThat(stageCpus).containsExactly("0");
            assertThat(stageThreads).hasSize(2).containsOnly(stageThreads.get(0));
            assertThat(allowedCpus()).as("the creating thread's CPUs, after").isEqualTo(creatorBefore);
            assertThat(before.cpus()).as("the other thread's CPUs, after").isEqualTo(creatorBefore);
        }
    }

    @Test
    void shouldRefuseACpuThisProcessMayNotUseAndMoveNothing() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/thread-self/status")), "needs Linux /proc");
        String creatorBefore = allowedCpus();
        int absent = CpuAffinity.MAX_CPUS - 1;
        Assumptions.assumeFalse(creatorBefore.contains(String.valueOf(absent)), "this machine has CPU " + absent);
        try (CpuWitness other = new CpuWitness()) {
            String otherBefore = other.cpus();
            assertThatThrownBy(() -> new InspectionPipeline(64, new SleepingWaitStrategy(), ProducerType.SINGLE,
                    List.of((e, seq, end) -> { }), true, absent))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot give the inspection thread CPU " + absent + ": CPU " + absent
                            + " is not one this process may use");
            assertThat(allowedCpus()).isEqualTo(creatorBefore);
            assertThat(other.cpus()).isEqualTo(otherBefore);
        }
    }

    /** A thread that tells its own CPU list on request. */
    private static final class CpuWitness implements AutoCloseable {
        private final SynchronousQueue<Boolean> asks = new SynchronousQueue<>();
        private final SynchronousQueue<String> answers = new SynchronousQueue<>();
        private final Thread thread = new Thread(this::serve, "cpu-witness");

        CpuWitness() {
            thread.setDaemon(true);
            thread.start();
        }

        String cpus() throws InterruptedException {
            asks.put(true);
            return answers.take();
        }

        private void serve() {
            try {
                while (asks.take()) {
                    answers.put(allowedCpus());
                }
            } catch (InterruptedException | IOException e) {
                // closed
            }
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** The calling thread's CPU list, e.g. "0-1". */
    private static String allowedCpus() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new AssertionError("no Cpus_allowed_list");
    }

    @Test
    void shouldCountAHandlerFailureAndCarryOn() throws Exception {
        List<Long> seen = new ArrayList<>();
        EventHandler<PacketEvent> failing = (e, seq, end) -> {
            if (e.sourceOffset() == 3) {
                throw new IllegalStateException("bug");
            }
        };
        EventHandler<PacketEvent> after = (e, seq, end) -> seen.add(e.sourceOffset());
        try (InspectionPipeline pipeline = new InspectionPipeline(64, new SleepingWaitStrategy(), ProducerType.SINGLE,
                List.of(failing, after))) {
            for (int i = 0; i < 10; i++) {
                long seq = pipeline.publisher().claim(PacketKind.RTP, null, 0, 0, false);
                pipeline.publisher().event(seq).sourceOffset(i);
                pipeline.publisher().publish(seq);
            }
            pipeline.drainAndStop(10, TimeUnit.SECONDS);
            assertThat(pipeline.handlerFailures()).isEqualTo(1);
            assertThat(pipeline.firstFailure()).contains("IllegalStateException: bug");
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void shouldCountADropInsteadOfWaitingWhenTheRingIsFull() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        EventHandler<PacketEvent> stalled = (e, seq, end) -> release.await();
        try (InspectionPipeline pipeline = new InspectionPipeline(64, new SleepingWaitStrategy(), ProducerType.SINGLE,
                List.of(stalled))) {
            PacketPublisher publisher = pipeline.publisher();
            int published = 0;
            for (int i = 0; i < 200; i++) {
                long seq = publisher.tryClaim();
                if (seq >= 0) {
                    publisher.event(seq).set(PacketKind.RTP, null, 0, 0, false);
                    publisher.publish(seq);
                    published++;
                }
            }
            assertThat(published).isLessThanOrEqualTo(65);
            assertThat(publisher.dropped()).isEqualTo(200 - published);
            release.countDown();
            pipeline.drainAndStop(10, TimeUnit.SECONDS);
        }
    }
}
