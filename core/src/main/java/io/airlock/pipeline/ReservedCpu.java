package io.airlock.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One CPU kept for the stage thread alone. Pinning the stage is not enough: the event loops, the JVM's compiler and GC
 * threads may still be scheduled onto its CPU and hold a spinning stage off it for a time slice, milliseconds. So
 * while the pipeline runs every other thread of this process is moved off that CPU, and the threads they start
 * inherit that. Closing gives the CPU back to the threads that were moved (those whose set is still the one they were
 * given). Other processes are not moved: keep them off with the kernel's {@code isolcpus=} or systemd's
 * {@code CPUAffinity=}.
 */
final class ReservedCpu implements AutoCloseable {

    private static final Path THREADS = Path.of("/proc/self/task");

    private final long[] before;
    private final long[] others;
    private boolean released;

    private ReservedCpu(long[] before, long[] others) {
        this.before = before;
        this.others = others;
    }

    /**
     * Moves every thread of this process, the calling one included, off {@code cpu}.
     *
     * @throws IllegalStateException when the calling thread may not use {@code cpu} or may use nothing else
     */
    static ReservedCpu take(int cpu) {
        long[] before = CpuAffinity.current();
        long[] others = CpuAffinity.without(before, cpu);
        if (!CpuAffinity.has(before, cpu)) {
            throw new IllegalStateException("CPU " + cpu + " is not one this process may use");
        }
        if (CpuAffinity.isEmpty(others)) {
            throw new IllegalStateException("CPU " + cpu + " is the only one this process may use: the other "
                    + "threads would have none left");
        }
        for (int tid : threads()) {
            long[] mask = CpuAffinity.of(tid);
            if (mask != null && CpuAffinity.has(mask, cpu)) {
                long[] moved = CpuAffinity.without(mask, cpu);
                if (!CpuAffinity.isEmpty(moved)) {
                    CpuAffinity.set(tid, moved);
                }
            }
        }
        return new ReservedCpu(before, others);
    }

    /** The set every moved thread was given, the calling thread's included. */
    long[] others() {
        return others.clone();
    }

    /** Gives the CPU back; once. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        for (int tid : threads()) {
            long[] mask = CpuAffinity.of(tid);
            if (mask != null && Arrays.equals(mask, others)) {
                CpuAffinity.set(tid, before);
            }
        }
    }

    private static int[] threads() {
        try (Stream<Path> tasks = Files.list(THREADS)) {
            return tasks.mapToInt(t -> Integer.parseInt(t.getFileName().toString())).toArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot list this process's threads in " + THREADS + ": " + e.getMessage(),
                    e);
        }
    }
}
