package io.airlock.watch;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.capture.PacketDecoder;
import io.airlock.capture.SyntheticPackets;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.netty.buffer.Unpooled;

import java.util.List;
import java.util.stream.Collectors;

/** Drives a {@link WatchInspector} with raw IP packets, as the ring would, without a pipeline. */
final class WatchHarness {

    static final long T0 = 1_700_000_000_000_000_000L;

    private final FindingTable table = new FindingTable(FindingSink.NONE, 100_000);
    private final WatchInspector inspector;
    private final PacketEvent event = new PacketEvent();
    private long sequence;

    WatchHarness(WatchConfig config) {
        this.inspector = new WatchInspector(config, table, "test");
    }

    WatchHarness(WatchPolicy policy) {
        this(WatchConfig.of(policy));
    }

    WatchHarness udp(long tsNs, String src, int srcPort, String dst, int dstPort, byte[] payload) {
        return packet(tsNs, SyntheticPackets.udp(src, srcPort, dst, dstPort, payload));
    }

    WatchHarness tcp(long tsNs, String src, int srcPort, String dst, int dstPort, int flags, byte[] payload) {
        return packet(tsNs, SyntheticPackets.tcp(src, srcPort, dst, dstPort, 1, 1, flags, payload));
    }

    /** A raw IP packet. */
    WatchHarness packet(long tsNs, byte[] ip) {
        return frame(tsNs, PacketDecoder.LINKTYPE_RAW, ip, ip.length);
    }

    /** A frame of any link type, of which only {@code captured} bytes were kept. */
    WatchHarness frame(long tsNs, int linkType, byte[] frame, int captured) {
        event.set(PacketKind.FRAME, Unpooled.wrappedBuffer(frame), 0, captured, false).timestampNs(tsNs)
                .linkType(linkType);
        inspector.onEvent(event, sequence++, true);
        return this;
    }

    WatchHarness idle(long tsNs) {
        event.set(PacketKind.IDLE, null, 0, 0, false).timestampNs(tsNs);
        inspector.onEvent(event, sequence++, true);
        return this;
    }

    WatchHarness end() {
        event.set(PacketKind.END_OF_STREAM, null, 0, 0, false);
        inspector.onEvent(event, sequence++, true);
        return this;
    }

    List<Finding> findings() {
        return table.findings();
    }

    List<Finding> findings(Rule rule) {
        return table.findings().stream().filter(f -> f.rule() == rule).collect(Collectors.toList());
    }

    WatchInspector inspector() {
        return inspector;
    }
}
