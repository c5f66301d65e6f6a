package io.airlock.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Threads' CPU sets (Linux {@code sched_setaffinity(2)}; a thread id of 0 means the calling thread). A thread starts
 * with its creator's set, which is how a stage thread gets a core of its own: the creator narrows its own set, starts
 * the thread, and restores its set.
 */
final class CpuAffinity {

    private interface C extends Library {
        int sched_getaffinity(int pid, NativeLong size, long[] mask);

        int sched_setaffinity(int pid, NativeLong size, long[] mask);
    }

    /** Room for 1024 CPUs, the kernel's default CPU_SETSIZE. */
    static final int MAX_CPUS = 1024;
    /** The thread ({@code tid}) has ended. */
    private static final int ESRCH = 3;
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

    /** Thread {@code tid}'s CPU set, or null when that thread has ended. */
    static long[] of(int tid) {
        long[] mask = new long[WORDS];
        return alive(library().sched_getaffinity(tid, SIZE, mask), "sched_getaffinity of thread " + tid) ? mask : null;
    }

    /** Gives thread {@code tid} this set; does nothing when that thread has ended. */
    static void set(int tid, long[] mask) {
        alive(library().sched_setaffinity(tid, SIZE, mask), "sched_setaffinity of thread " + tid);
    }

    static boolean has(long[] mask, int cpu) {
        return (mask[cpu / 64] & 1L << (cpu % 64)) != 0;
    }

    /** {@code mask} without {@code cpu}, as a new set. */
    static long[] without(long[] mask, int cpu) {
        long[] m = mask.clone();
        m[cpu / 64] &= ~(1L << (cpu % 64));
        return m;
    }

    static boolean isEmpty(long[] mask) {
        for (long word : mask) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean alive(int rc, String call) {
        if (rc != 0 && Native.getLastError() == ESRCH) {
            return false;
        }
        check(rc, call);
        return true;
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
