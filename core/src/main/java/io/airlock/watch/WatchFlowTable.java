package io.airlock.watch;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Every conversation on the camera network, keyed by the two-way 5-tuple, bounded and expiring. Open addressing
 * with linear probing and backward-shift deletion, so lookups allocate nothing and idle flows leave no tombstones.
 * Flows are also linked in the order they were last seen, so expiry visits only the flows it removes (plus one),
 * however large the table. Flows that never raised a finding are recycled when they expire.
 */
final class WatchFlowTable {

    private static final int MAX_RECYCLED = 4096;

    private final WatchedFlow[] slots;
    private final int mask;
    private final int maxFlows;
    private final ArrayDeque<WatchedFlow> recycled = new ArrayDeque<>();
    private WatchedFlow oldest;
    private WatchedFlow newest;
    private int size;

    WatchFlowTable(int maxFlows) {
        if (maxFlows < 1 || maxFlows > 1 << 24) {
            throw new IllegalArgumentException("maxFlows=" + maxFlows + " must be in 1.." + (1 << 24));
        }
        this.maxFlows = maxFlows;
        int capacity = Integer.highestOneBit(maxFlows) << 2;
        this.slots = new WatchedFlow[capacity];
        this.mask = capacity - 1;
    }

    /** The flow with this client and server, in that order, or null. */
    WatchedFlow find(int protocol, long cHi, long cLo, int cPort, long sHi, long sLo, int sPort) {
        int i = hash(protocol, cHi, cLo, cPort, sHi, sLo, sPort) & mask;
        WatchedFlow f;
        while ((f = slots[i]) != null) {
            if (f.matches(protocol, cHi, cLo, cPort, sHi, sLo, sPort)) {
                return f;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Adds a flow that {@link #find} did not have; null when the table is full. */
    WatchedFlow add(int protocol, long cHi, long cLo, int cPort, long sHi, long sLo, int sPort, long nowNs) {
        if (size == maxFlows) {
            return null;
        }
        WatchedFlow f = recycled.isEmpty() ? new WatchedFlow() : recycled.pop();
        f.set(protocol, cHi, cLo, cPort, sHi, sLo, sPort, nowNs);
        int i = hash(protocol, cHi, cLo, cPort, sHi, sLo, sPort) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = f;
        size++;
        append(f);
        return f;
    }

    /** Marks the flow as the most recently seen. */
    void touch(WatchedFlow f) {
        if (f != newest) {
            unlink(f);
            append(f);
        }
    }

    /**
     * Removes every flow idle since before {@code idleBeforeNs}, telling {@code expired} about each first.
     *
     * @return the number removed
     */
    int expire(long idleBeforeNs, Consumer<WatchedFlow> expired) {
        int removed = 0;
        while (oldest != null && oldest.lastSeenNs < idleBeforeNs) {
            WatchedFlow f = oldest;
            expired.accept(f);
            delete(slotOf(f));
            unlink(f);
            if (f.raised == 0 && recycled.size() < MAX_RECYCLED) {
                f.camera = null;
                recycled.push(reset(f));
            }
            removed++;
        }
        return removed;
    }

    void forEach(Consumer<WatchedFlow> visitor) {
        for (WatchedFlow f : slots) {
            if (f != null) {
                visitor.accept(f);
            }
        }
    }

    int size() {
        return size;
    }

    int maxFlows() {
        return maxFlows;
    }

    private int slotOf(WatchedFlow f) {
        int i = hash(f.protocol, f.clientHi, f.clientLo, f.clientPort, f.serverHi, f.serverLo, f.serverPort) & mask;
        while (slots[i] != f) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void append(WatchedFlow f) {
        f.older = newest;
        f.newer = null;
        if (newest != null) {
            newest.newer = f;
        } else {
            oldest = f;
        }
        newest = f;
    }

    private void unlink(WatchedFlow f) {
        if (f.older != null) {
            f.older.newer = f.newer;
        } else {
            oldest = f.newer;
        }
        if (f.newer != null) {
            f.newer.older = f.older;
        } else {
            newest = f.older;
        }
        f.older = null;
        f.newer = null;
    }

    private void delete(int i) {
        slots[i] = null;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            WatchedFlow f = slots[j];
            if (f == null) {
                return;
            }
            int home = hash(f.protocol, f.clientHi, f.clientLo, f.clientPort, f.serverHi, f.serverLo, f.serverPort)
                    & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                slots[i] = f;
                slots[j] = null;
                i = j;
            }
        }
    }

    private static WatchedFlow reset(WatchedFlow f) {
        f.cameraIsClient = false;
        f.packetsFromClient = 0;
        f.bytesFromClient = 0;
        f.packetsFromServer = 0;
        f.bytesFromServer = 0;
        f.verdict = io.airlock.classify.Verdict.UNKNOWN;
        f.classifiedByPayload = false;
        f.decided = false;
        f.evidence = null;
        f.dnsName = null;
        return f;
    }

    private static int hash(int protocol, long cHi, long cLo, int cPort, long sHi, long sLo, int sPort) {
        long h = IpKey.hash(cHi, cLo) * 31L + IpKey.hash(sHi, sLo);
        h = h * 0x9E37_79B9L + ((long) cPort << 16 | sPort) * 7 + protocol;
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (h ^ h >>> 32);
    }
}
