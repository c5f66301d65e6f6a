package io.airlock.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.TimeUnit;
import com.lmax.disruptor.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine: one LMAX Disruptor ring of {@link PacketEvent}s. Sources publish; the stages run in order, each on its
 * own thread, each seeing an event only after the stages before it (the sequence barrier gives the memory ordering);
 * a final {@link ReleaseHandler} frees buffers.
 *
 * <pre>
 *   source ──► ring ──► stage 1 ──► stage 2 ──► ... ──► release
 * </pre>
 *
 * A handler that throws is a bug, not bad input (parsers return rejections): the exception is counted, its first
 * occurrence remembered for the report, and the pipeline carries on with the next event.
 */
public final class InspectionPipeline implements AutoCloseable {

    /** No CPU of their own: stage threads run wherever the scheduler puts them. */
    public static final int NO_CPU = -1;
    private static final long DRAIN_POLL_NS = 100_000;
    private static final AtomicLong STAGE_THREADS = new AtomicLong();

    private final Disruptor<PacketEvent> disruptor;
    private final RingBuffer<PacketEvent> ring;
    private final PacketPublisher publisher;
    private final AtomicLong handlerFailures = new AtomicLong();
    private volatile String firstFailure;
    /** Read by whichever thread stops the pipeline. */
    private volatile ReservedCpu reserved;

    /**
     * @param ringSize     a power of two: how many packets may wait between a source and the slowest stage
     * @param waitStrategy how stages wait for work (see {@link WaitStrategies})
     * @param producer     {@link ProducerType#SINGLE} when one thread publishes, else MULTI
     * @param stages       handlers run in this order, each after the previous
     */
    public InspectionPipeline(int ringSize, WaitStrategy waitStrategy, ProducerType producer,
                              List<? extends EventHandler<PacketEvent>> stages) {
        this(ringSize, waitStrategy, producer, stages, false);
    }

    /**
     * @param fused true to run every stage (and the release) on one thread, in order: fewer hand-offs, for machines
     *              with fewer cores than stages
     */
    public InspectionPipeline(int ringSize, WaitStrategy waitStrategy, ProducerType producer,
                              List<? extends EventHandler<PacketEvent>> stages, boolean fused) {
        this(ringSize, waitStrategy, producer, stages, fused, NO_CPU);
    }

    /**
     * @param stageCpu the CPU the stages get to themselves, or {@link #NO_CPU}: with a spinning wait strategy, a core
     *                 of its own keeps the stage from waiting for one (Linux only). The stages then run fused on one
     *                 thread, and every other thread of this process is kept off that CPU until the pipeline stops.
     * @throws IllegalStateException when the stage threads cannot be confined to {@code stageCpu}
     */
    public InspectionPipeline(int ringSize, WaitStrategy waitStrategy, ProducerType producer,
                              List<? extends EventHandler<PacketEvent>> stages, boolean fused, int stageCpu) {
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize=" + ringSize + " must be a power of two");
        }
        disruptor = new Disruptor<>(PacketEvent::new, ringSize, InspectionPipeline::stageThread, producer, waitStrategy);
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler());
        // Stages sharing one CPU take turns anyway: one thread spares them the hand-offs.
        if (fused || stageCpu != NO_CPU) {
            disruptor.handleEventsWith(new FusedStages(stages));
            ring = start(stageCpu);
            publisher = new PacketPublisher(ring);
            return;
        }
        EventHandlerGroup<PacketEvent> group = null;
        for (EventHandler<PacketEvent> stage : stages) {
            group = group == null ? disruptor.handleEventsWith(stage) : group.then(stage);
        }
        ReleaseHandler release = new ReleaseHandler();
        if (group == null) {
            disruptor.handleEventsWith(release);
        } else {
            group.then(release);
        }
        ring = start(stageCpu);
        publisher = new PacketPublisher(ring);
    }

    /**
     * Starts the stage thread, on {@code cpu} alone when one is given: every other thread is first moved off it, then
     * the stage inherits this thread's set narrowed to that CPU.
     */
    private RingBuffer<PacketEvent> start(int cpu) {
        if (cpu == NO_CPU) {
            return disruptor.start();
        }
        try {
            reserved = ReservedCpu.take(cpu);
            CpuAffinity.pin(cpu);
        } catch (IllegalStateException e) {
            disruptor.halt();
            releaseCpu();
            throw new IllegalStateException("cannot give the inspection thread CPU " + cpu + ": " + e.getMessage(), e);
        }
        try {
            return disruptor.start();
        } finally {
            CpuAffinity.set(reserved.others());
        }
    }

    private void releaseCpu() {
        if (reserved != null) {
            reserved.close();
        }
    }

    /**
     * Stage threads are named {@code airlock-stage-N}, so an operator can find one ({@code ps -T}) and give it a core
     * of its own ({@code taskset -p -c CPU TID}) for the spinning wait strategies.
     */
    private static Thread stageThread(Runnable r) {
        Thread t = new Thread(r, "airlock-stage-" + STAGE_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    public PacketPublisher publisher() {
        return publisher;
    }

    /**
     * A publisher of its own for one more producer thread (the ring must have been built with
     * {@code ProducerType.MULTI}): its drop and publish counters then belong to that producer alone.
     */
    public PacketPublisher newPublisher() {
        return new PacketPublisher(ring);
    }

    public int capacity() {
        return ring.getBufferSize();
    }

    /** Slots free right now; any thread. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    /** Events that have passed every stage (the release included); any thread. */
    public long processed() {
        return ring.getMinimumGatingSequence() + 1;
    }

    /**
     * Waits until every published event has passed every stage, then stops the stage threads. The wait watches the
     * last stage's sequence rather than using {@code Disruptor.shutdown}, which skips stages whose threads have not
     * started yet and so can stop a pipeline that still has a backlog.
     */
    public void drainAndStop(long timeout, TimeUnit unit) throws TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        long cursor = ring.getCursor();
        while (ring.getMinimumGatingSequence() < cursor) {
            if (System.nanoTime() > deadline) {
                throw TimeoutException.INSTANCE;
            }
            LockSupport.parkNanos(DRAIN_POLL_NS);
        }
        disruptor.halt();
        releaseCpu();
    }

    /** Handler exceptions so far (bugs); the pipeline kept going after each. */
    public long handlerFailures() {
        return handlerFailures.get();
    }

    /** One line describing the first handler exception, or null. */
    public String firstFailure() {
        return firstFailure;
    }

    @Override
    public void close() {
        disruptor.halt();
        releaseCpu();
    }

    private final class CountingExceptionHandler implements ExceptionHandler<PacketEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, PacketEvent event) {
            if (handlerFailures.getAndIncrement() == 0) {
                StackTraceElement[] st = ex.getStackTrace();
                firstFailure = ex + (st.length > 0 ? " at " + st[0] : "");
            }
            if (event != null) {
                event.clear();
            }
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            firstFailure = "stage failed to start: " + ex;
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            firstFailure = "stage failed to stop: " + ex;
        }
    }
}
