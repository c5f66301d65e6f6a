package io.airlock.proxy;

import io.airlock.alert.FindingSink;
import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.pipeline.Track;
import io.airlock.server.MediaSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackFanOutTest {

    private static final long STALL_NS = 5_000_000_000L;

    /** A recorder whose queue accepts or refuses every packet, as told. */
    private static final class Recorder implements MediaSink {
        boolean accepting = true;
        int received;
        boolean disconnected;

        @Override
        public boolean offer(ByteBuf rtpPacket, boolean rtcp) {
            if (accepting) {
                received++;
            }
            return accepting;
        }

        @Override
        public boolean offer(ByteBuf buffer, int offset, int length, boolean rtcp) {
            return offer(buffer, rtcp);
        }

        @Override
        public void disconnect() {
            disconnected = true;
        }
    }

    private final SessionFindings findings = new SessionFindings(FindingSink.NONE);
    private final StreamCounters counters = new StreamCounters();
    private final TrackFanOut fanOut = new TrackFanOut(new Track("dock", 0, null, Codec.H264),
            new RtpContinuity(1, 90_000), STALL_NS, findings, counters);
    private final ByteBuf packet = Unpooled.buffer(16).writeZero(16);

    @Test
    void shouldDisconnectAndReportARecorderStalledPastTheStallTimeWhileTheOtherKeepsReceiving() {
        Recorder stalled = new Recorder();
        Recorder healthy = new Recorder();
        fanOut.attach(stalled);
        fanOut.attach(healthy);
        stalled.accepting = false;

        fanOut.deliver(packet, 0, 16, 1_000);
        fanOut.deliver(packet, 0, 16, 1_000 + STALL_NS);
        assertThat(stalled.disconnected).as("not yet past the stall time").isFalse();
        fanOut.deliver(packet, 0, 16, 2_000 + STALL_NS);
        fanOut.deliver(packet, 0, 16, 3_000 + STALL_NS);

        assertThat(stalled.disconnected).isTrue();
        assertThat(healthy.received).isEqualTo(4);
        assertThat(counters.recorderDrops.get()).isEqualTo(3);
        assertThat(counters.recorderStalls.get()).isEqualTo(1);
        assertThat(counters.outboundPackets.get()).as("handed to the healthy recorder").isEqualTo(4);
        assertThat(counters.outboundBytes.get()).isEqualTo(4 * 16);
        assertThat(fanOut.recorders()).as("the stalled one no longer counts").isEqualTo(1);
        assertThat(findings.findings()).extracting(f -> f.rule()).containsExactly(Rule.RTSP_06);
        assertThat(findings.findings().get(0).details()).containsEntry("dropped", "3");
    }

    @Test
    void shouldForgiveARecorderThatCatchesUpBeforeTheStallTime() {
        Recorder slow = new Recorder();
        fanOut.attach(slow);
        slow.accepting = false;
        fanOut.deliver(packet, 0, 16, 0);
        slow.accepting = true;
        fanOut.deliver(packet, 0, 16, STALL_NS / 2);
        slow.accepting = false;
        fanOut.deliver(packet, 0, 16, STALL_NS + 1);
        assertThat(slow.disconnected).isFalse();
        assertThat(findings.findings()).isEmpty();
    }

    @Test
    void shouldForwardNothingOnceBlockedByPolicy() {
        Recorder recorder = new Recorder();
        fanOut.attach(recorder);
        fanOut.deliver(packet, 0, 16, 0);
        assertThat(fanOut.block(Rule.MED_02)).isTrue();
        assertThat(fanOut.block(Rule.MED_06)).as("already blocked").isFalse();
        fanOut.deliver(packet, 0, 16, 1);
        assertThat(recorder.received).isEqualTo(1);
        assertThat(fanOut.blockedBy()).isEqualTo(Rule.MED_02);
    }
}
