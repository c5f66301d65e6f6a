package io.airlock.bench.proxy;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU, GC and allocation of this JVM, with threads told apart as simulator, proxy, recorders or other. Netty names
 * its threads {@code <pool>-<poolId>-<n>} with one process-wide pool counter, so the pools created while the
 * simulator started and while the runtime started are known by id range ({@link #mark()} reads the counter); the
 * proxy's Disruptor threads ({@code Thread-N}) are those that first appear while the runtime starts.
 */
final class ProcessProbe {

    enum Group { SIMULATOR, PROXY, RECORDERS, OTHER }

    private static final Pattern NETTY_NAME = Pattern.compile(".+-(\\d+)-\\d+");

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private int simulatorFirstPool;
    private int proxyFirstPool;
    private int proxyEndPool;
    private final Set<Long> beforeProxy = new HashSet<>();
    private final Set<Long> proxyThreads = new HashSet<>();

    ProcessProbe() {
        threads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    /** The next Netty pool id to be handed out. */
    static int mark() {
        String name = new DefaultThreadFactory("probe").newThread(() -> { }).getName();
        Matcher m = NETTY_NAME.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) + 1 : -1;
    }

    void simulatorStarting() {
        simulatorFirstPool = mark();
    }

    void proxyStarting() {
        proxyFirstPool = mark();
        beforeProxy.clear();
        for (long id : threads.getAllThreadIds()) {
            beforeProxy.add(id);
        }
    }

    void proxyStarted() {
        proxyEndPool = mark();
        for (long id : threads.getAllThreadIds()) {
            if (!beforeProxy.contains(id)) {
                proxyThreads.add(id);
            }
        }
    }

    Group groupOf(long id, String name) {
        if (name.startsWith(RecorderClients.THREAD_NAME)) {
            return Group.RECORDERS;
        }
        Matcher m = NETTY_NAME.matcher(name);
        if (m.matches() && !name.startsWith("Thread-")) {
            int pool = Integer.parseInt(m.group(1));
            if (pool >= proxyFirstPool && pool < proxyEndPool) {
                return Group.PROXY;
            }
            if (pool >= simulatorFirstPool && pool < proxyFirstPool) {
                return Group.SIMULATOR;
            }
        }
        return proxyThreads.contains(id) ? Group.PROXY : Group.OTHER;
    }

    /** A point-in-time reading: process CPU, GC totals, per-group thread CPU and allocated bytes. */
    Snapshot snapshot() {
        Snapshot s = new Snapshot();
        s.wallNanos = System.nanoTime();
        s.processCpuNanos = os.getProcessCpuTime();
        s.stealMillis = stealMillis();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            s.gcCount += Math.max(0, gc.getCollectionCount());
            s.gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        long[] allocated = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(ids[i]);
            if (info == null) {
                continue;
            }
            int g = groupOf(ids[i], info.getThreadName()).ordinal();
            s.threadCpu[g] += Math.max(0, cpu[i]);
            s.perThread.put(ids[i], new Object[] {info.getThreadName(), groupOf(ids[i], info.getThreadName()),
                    Math.max(0, cpu[i]), Math.max(0, allocated[i])});
            s.allocated[g] += Math.max(0, allocated[i]);
        }
        return s;
    }

    /**
     * CPU time the hypervisor gave to others while this VM's CPUs wanted it, all CPUs, in ms since boot ({@code steal}
     * in {@code /proc/stat}, in 10 ms ticks); -1 where there is no such file. A window with steal measured the host.
     */
    private static long stealMillis() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim()
                    .split("\\s+");
            return cpu.length > 8 ? Long.parseLong(cpu[8]) * 10 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static final class Snapshot {
        long wallNanos;
        long stealMillis;
        long processCpuNanos;
        long gcCount;
        long gcMillis;
        final long[] threadCpu = new long[Group.values().length];
        final long[] allocated = new long[Group.values().length];
        final Map<Long, Object[]> perThread = new HashMap<>();

        /** Per thread since {@code start}: group, name, CPU s and MB allocated, for threads that used CPU. */
        String threadsSince(Snapshot start) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<Long, Object[]> e : perThread.entrySet()) {
                Object[] now = e.getValue();
                Object[] then = start.perThread.get(e.getKey());
                long cpu = (long) now[2] - (then == null ? 0 : (long) then[2]);
                long alloc = (long) now[3] - (then == null ? 0 : (long) then[3]);
                if (cpu > 10_000_000L || alloc > 1_000_000L) {
                    sb.append(String.format(Locale.ROOT, "  %-9s %-40s cpu %6.2f s  alloc %8.1f MB%n", now[1], now[0],
                            cpu / 1e9, alloc / 1e6));
                }
            }
            return sb.toString();
        }
    }
}
