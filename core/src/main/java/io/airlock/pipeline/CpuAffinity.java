package io.airlock.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The calling thread's CPU set (Linux {@code sched_setaffinity(2)}, pid 0 meaning this thread). A thread starts with
 * its creator's set, which is how a stage thread gets a core of its own: the creator narrows its own set, starts the
 * thread, and restores its set.
 */
final class CpuAffinity {

    private interface C extends Library {
        int sched_getaffinity(int pid, NativeLong size, long[] mask);

        int sched_setaffinity(int pid, NativeLong size, long[] mask);
    }

    /** Room for 1024 CPUs, the kernel's default CPU_SETSIZE. */
    static final int MAX_CPUS = 1024;
    private static final int WORDS = MAX_CPUS / 64;
    private static final NativeLong SIZE = new NativeLong(WORDS * 8L);

    private CpuAffinity() {
    }

    /** This thread's CPU set, to hand back to {@link #set}. */
    static long[] current() {
        long[] mask = new long[WORDS];
        check(library().sched_getaffinity(0, SIZE, mask), "sched_getaffinity");
        return mask;
    }

    /** Confines this thread to {@code cpu}. */
    static void pin(int cpu) {
        long[] mask = new long[WORDS];
        mask[cpu / 64] = 1L << (cpu % 64);
        check(library().sched_setaffinity(0, SIZE, mask), "sched_setaffinity to CPU " + cpu);
    }

    /** Gives this thread back a set read by {@link #current}. */
    static void set(long[] mask) {
        check(library().sched_setaffinity(0, SIZE, mask), "sched_setaffinity");
    }

    private static C library() {
        try {
            return Holder.LIBC;
        } catch (LinkageError e) {
            throw new IllegalStateException("CPU affinity needs Linux's C library: " + e.getMessage());
        }
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new IllegalStateException(call + " failed (errno " + Native.getLastError() + ")");
        }
    }

    /** Loaded on first use, so that machines which never pin never load it. */
    private static final class Holder {
        static final C LIBC = Native.load("c", C.class);
    }
}
