package io.airlock.net;

import io.airlock.capture.PacketDecoder;
import java.util.function.Consumer;

/**
 * Maps decoded 5-tuples to their unidirectional {@link Flow}, creating each flow once and linking it with the opposite
 * direction. Open addressing with linear probing over a power-of-two table kept at most half full, so a hit costs a
 * hash and a few comparisons and allocates nothing. Bounded: past {@code maxFlows} every new tuple gets the one shared
 * {@link #overflowFlow()} and is counted in {@link #overflowed()}. Not thread-safe.
 */
public final class FlowTable {

    /** A sensible bound for one capture or one appliance worker. */
    public static final int DEFAULT_MAX_FLOWS = 65_536;

    private final int maxFlows;
    private final Flow[] slots;
    private final int[] hashes;
    private final int mask;
    private final Flow[] inOrder;
    private final Flow overflow = new Flow();
    private int size;
    private long overflowed;

    public FlowTable(int maxFlows) {
        if (maxFlows < 1 || maxFlows > 1 << 26) {
            throw new IllegalArgumentException("maxFlows=" + maxFlows + " must be in 1.." + (1 << 26));
        }
        this.maxFlows = maxFlows;
        int capacity = Integer.highestOneBit(maxFlows) << 2;
        this.slots = new Flow[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
        this.inOrder = new Flow[maxFlows];
    }

    /** The flow of a successfully decoded packet, counting its payload bytes at {@code nowNs}. */
    public Flow lookup(PacketDecoder decoded, long nowNs) {
        return lookup(decoded.ipVersion(), decoded.protocol(), decoded.sourceAddress(), decoded.sourcePort(),
                decoded.destinationAddress(), decoded.destinationPort(), decoded.payloadLength(), nowNs);
    }

    /** Get-or-create for an explicit 5-tuple ({@code src}/{@code dst} hold 4 or 16 valid bytes). */
    public Flow lookup(int ipVersion, int protocol, byte[] src, int srcPort, byte[] dst, int dstPort, int length,
            long nowNs) {
        int hash = hash(ipVersion, protocol, src, srcPort, dst, dstPort);
        int i = hash & mask;
        Flow flow;
        while ((flow = slots[i]) != null) {
            if (hashes[i] == hash && flow.matches(ipVersion, protocol, src, srcPort, dst, dstPort)) {
                flow.onPacket(length, nowNs);
                return flow;
            }
            i = (i + 1) & mask;
        }
        if (size == maxFlows) {
            overflowed++;
            overflow.onPacket(length, nowNs);
            return overflow;
        }
        flow = new Flow().set(ipVersion, protocol, src, srcPort, dst, dstPort);
        slots[i] = flow;
        hashes[i] = hash;
        inOrder[size++] = flow;
        Flow reverse = find(ipVersion, protocol, dst, dstPort, src, srcPort);
        if (reverse != null) {
            flow.reverse(reverse);
            reverse.reverse(flow);
        }
        flow.onPacket(length, nowNs);
        return flow;
    }

    /** The existing flow for a 5-tuple, or null; counts nothing. */
    public Flow find(int ipVersion, int protocol, byte[] src, int srcPort, byte[] dst, int dstPort) {
        int hash = hash(ipVersion, protocol, src, srcPort, dst, dstPort);
        int i = hash & mask;
        Flow flow;
        while ((flow = slots[i]) != null) {
            if (hashes[i] == hash && flow.matches(ipVersion, protocol, src, srcPort, dst, dstPort)) {
                return flow;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private static int hash(int ipVersion, int protocol, byte[] src, int srcPort, byte[] dst, int dstPort) {
        int n = ipVersion == 4 ? 4 : 16;
        int h = ipVersion * 31 + protocol;
        h = h * 0x9E3779B1 + (srcPort << 16 | dstPort);
        for (int i = 0; i < n; i++) {
            h = h * 31 + src[i];
            h = h * 0x01000193 ^ dst[i];
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    /** Visits every flow in creation order (not the overflow flow); for reports. */
    public void forEach(Consumer<Flow> visitor) {
        for (int i = 0; i < size; i++) {
            visitor.accept(inOrder[i]);
        }
    }

    /** Number of distinct flows held (at most {@code maxFlows}). */
    public int size() {
        return size;
    }

    public int maxFlows() {
        return maxFlows;
    }

    /** Packets that found the table full and were given {@link #overflowFlow()}. */
    public long overflowed() {
        return overflowed;
    }

    /** The shared flow handed out when the table is full; its 5-tuple is all zeros. */
    public Flow overflowFlow() {
        return overflow;
    }
}
