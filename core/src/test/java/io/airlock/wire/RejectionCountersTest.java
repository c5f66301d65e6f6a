package io.airlock.wire;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionCountersTest {

    enum TestRejection implements Rejection {
        TOO_SHORT, BAD_VERSION;

        @Override
        public Layer layer() {
            return Layer.RTP;
        }

        @Override
        public String description() {
            return name();
        }
    }

    enum OtherLayer implements Rejection {
        TOO_SHORT;

        @Override
        public Layer layer() {
            return Layer.SDP;
        }

        @Override
        public String description() {
            return name();
        }
    }

    @Test
    void shouldCountPerLayerAndReasonAndMerge() {
        RejectionCounters a = new RejectionCounters();
        RejectionCounters b = new RejectionCounters();
        a.increment(TestRejection.TOO_SHORT);
        a.increment(TestRejection.TOO_SHORT);
        b.increment(OtherLayer.TOO_SHORT);
        b.add(TestRejection.BAD_VERSION, 5);
        a.addAll(b);

        assertThat(a.count(TestRejection.TOO_SHORT)).isEqualTo(2);
        assertThat(a.count(OtherLayer.TOO_SHORT)).isEqualTo(1);
        assertThat(a.count(TestRejection.BAD_VERSION)).isEqualTo(5);
        assertThat(a.total()).isEqualTo(8);
        Map<String, Long> seen = new HashMap<>();
        a.forEachCount((r, n) -> seen.put(r.layer() + "." + r.name(), n));
        assertThat(seen).containsEntry("RTP.TOO_SHORT", 2L).containsEntry("SDP.TOO_SHORT", 1L).hasSize(3);
    }

    enum SameLayerAsTest implements Rejection {
        TOO_SHORT;

        @Override
        public Layer layer() {
            return Layer.RTP;
        }

        @Override
        public String description() {
            return name();
        }
    }

    @Test
    void shouldKeepTwoEnumsOfOneLayerApart() {
        RejectionCounters c = new RejectionCounters();
        c.increment(TestRejection.TOO_SHORT);
        c.add(SameLayerAsTest.TOO_SHORT, 3);
        assertThat(c.count(TestRejection.TOO_SHORT)).isEqualTo(1);
        assertThat(c.count(SameLayerAsTest.TOO_SHORT)).isEqualTo(3);
    }

    @Test
    void shouldCapHexEvidence() {
        byte[] bytes = new byte[200];
        bytes[0] = (byte) 0xAB;
        assertThat(Hex.of(bytes, 0, 200)).hasSize(Hex.MAX_EVIDENCE_BYTES * 2 + 1).startsWith("ab").endsWith("…");
        assertThat(Hex.of(Unpooled.wrappedBuffer(new byte[] {1, 2}), 0, 2)).isEqualTo("0102");
        assertThat(Hex.decode("494d4b48")).containsExactly('I', 'M', 'K', 'H');
        assertThat(Hex.decode("zz")).isNull();
        assertThat(Hex.decode("abc")).isNull();
    }
}
