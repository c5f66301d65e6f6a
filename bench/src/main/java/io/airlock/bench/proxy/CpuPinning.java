package io.airlock.bench.proxy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Confines the calling thread, and every thread it starts from then on (Linux threads inherit their creator's CPU
 * set), to one CPU. The load tool uses it to keep the simulator and the recorders off the proxy's core, so the
 * latency measured is what the proxy adds rather than how long it waited behind its own load generator.
 */
final class CpuPinning {

    private interface C extends Library {
        int sched_setaffinity(int pid, NativeLong size, long[] mask);
    }


    private static final C LIBC = Native.load("c", C.class);

    private CpuPinning() {
    }

    /** Pins the calling thread (pid 0 means "this thread" to the kernel) to {@code cpu}. */
    static void pinCurrentThread(int cpu) {
        long[] mask = new long[16];
        mask[cpu / 64] = 1L << (cpu % 64);
        if (LIBC.sched_setaffinity(0, new NativeLong(mask.length * 8L), mask) != 0) {
            throw new IllegalStateException("sched_setaffinity(cpu " + cpu + ") failed: errno "
                    + Native.getLastError());
        }
    }

    /** How many of this process's threads may run on each CPU set, e.g. {@code {0=5, 1=9, 0-1=17}}. */
    static Map<String, Integer> census() throws IOException {
        Map<String, Integer> sets = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")) {
                            sets.merge(line.substring(line.indexOf(':') + 1).trim(), 1, Integer::sum);
                        }
                    }
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        }
        return sets;
    }
}
