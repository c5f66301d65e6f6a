package io.airlock.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.capture.PacketDecoder;
import io.airlock.capture.SyntheticPackets;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTableTest {

    private static final byte[] A = {10, 0, 0, 1};
    private static final byte[] B = {10, 0, 0, 2};

    @Test
    void shouldReturnSameFlowForSameTupleAndCountPackets() {
        FlowTable table = new FlowTable(16);
        Flow first = table.lookup(4, 17, A, 5000, B, 6000, 100, 1);
        Flow second = table.lookup(4, 17, A, 5000, B, 6000, 50, 2);
        assertThat(second).isSameAs(first);
        assertThat(first.packets()).isEqualTo(2);
        assertThat(first.bytes()).isEqualTo(150);
        assertThat(first.firstSeenNs()).isEqualTo(1);
        assertThat(first.lastSeenNs()).isEqualTo(2);
        assertThat(table.size()).isEqualTo(1);
        assertThat(first.reverse()).isNull();
    }

    @Test
    void shouldLinkReverseDirectionsBothWays() {
        FlowTable table = new FlowTable(16);
        Flow ab = table.lookup(4, 6, A, 554, B, 40000, 0, 1);
        Flow ba = table.lookup(4, 6, B, 40000, A, 554, 0, 2);
        assertThat(ba).isNotSameAs(ab);
        assertThat(ab.reverse()).isSameAs(ba);
        assertThat(ba.reverse()).isSameAs(ab);
        assertThat(table.lookup(4, 17, B, 40000, A, 554, 0, 3).reverse()).isNull();
    }

    @Test
    void shouldLookUpDecodedPackets() {
        byte[] ip = SyntheticPackets.udp("2001:db8::1", 5004, "2001:db8::2", 5006, new byte[20]);
        PacketDecoder decoder = new PacketDecoder();
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, Unpooled.wrappedBuffer(ip), 0, ip.length)).isNull();
        FlowTable table = new FlowTable(4);
        Flow flow = table.lookup(decoder, 7);
        assertThat(flow.toString()).isEqualTo("udp 2001:db8:0:0:0:0:0:1:5004 -> 2001:db8:0:0:0:0:0:2:5006");
        assertThat(flow.bytes()).isEqualTo(20);
        assertThat(table.lookup(decoder, 8)).isSameAs(flow);
    }

    @Test
    void shouldBoundFlowsAndCountOverflow() {
        FlowTable table = new FlowTable(100);
        for (int port = 0; port < 1000; port++) {
            Flow f = table.lookup(4, 17, A, port, B, 9, 1, port);
            if (port >= 100) {
                assertThat(f).isSameAs(table.overflowFlow());
            }
        }
        assertThat(table.size()).isEqualTo(100);
        assertThat(table.overflowed()).isEqualTo(900);
        assertThat(table.lookup(4, 17, A, 42, B, 9, 1, 0)).isNotSameAs(table.overflowFlow());
        List<Flow> seen = new ArrayList<>();
        table.forEach(seen::add);
        assertThat(seen).hasSize(100);
        assertThat(seen.get(0).sourcePort()).isZero();
        assertThat(seen.get(99).sourcePort()).isEqualTo(99);
    }

    @Test
    void shouldNotAllocateOnHit() {
        FlowTable table = new FlowTable(1024);
        for (int port = 0; port < 1000; port++) {
            table.lookup(4, 17, A, port, B, 9, 1, 0);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int warm = 0; warm < 20_000; warm++) {
            table.lookup(4, 17, A, warm % 1000, B, 9, 1, 0);
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            table.lookup(4, 17, A, i % 1000, B, 9, 1, 0);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).isLessThan(10_000);
    }
}
