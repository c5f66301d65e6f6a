package io.airlock.proxy;

import io.airlock.rtp.RtcpRejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderReportsTest {

    private static final long AIRLOCK_SSRC = 0x11223344L;

    /** A camera's compound: SR with one report block (about Airlock's RTCP), then SDES CNAME "cam". */
    private static final String CAMERA_COMPOUND = ""
            + "81c8000c" + "aabbccdd" + "e9b5a1c2" + "80000000" + "000186a0" + "00000064" + "00002710"
            + "55667788" + "00000000" + "00000000" + "00000000" + "00000000" + "00000000"
            + "81ca0003" + "aabbccdd" + "01036361" + "6d000000";

    private final SenderReports reports = new SenderReports();
    private final RtpContinuity continuity = new RtpContinuity(AIRLOCK_SSRC, 90_000);

    private static ByteBuf rtp(int seq, long ts, int payloadBytes) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x80).writeByte(96).writeShort(seq).writeInt((int) ts).writeInt(0xAABBCCDD);
        b.writeZero(payloadBytes);
        return b;
    }

    @Test
    void shouldRewriteTheSenderReportInPlaceInTheRecordersTerms() {
        // The recorders' stream runs 1000 ticks ahead of the camera's after an earlier restart.
        continuity.rewrite(rtp(1, 5_000, 100), 0);
        continuity.restart();
        continuity.rewrite(rtp(500, 99_000, 200), 1_000_000_000L / 90_000 * 96_000);
        long offset = continuity.lastTimestamp() - 99_000;

        ByteBuf compound = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(CAMERA_COMPOUND));
        int at = reports.rewrite(compound, 0, compound.readableBytes(), continuity);

        assertThat(at).isZero();
        assertThat(reports.rejection()).isNull();
        assertThat(ByteBufUtil.hexDump(compound, at, SenderReports.LENGTH)).isEqualTo(""
                + "80c80006" + "11223344" + "e9b5a1c2" + "80000000"
                + String.format("%08x", (100_000 + offset) & 0xFFFFFFFFL) + "00000002" + "0000012c");
    }

    @Test
    void shouldForwardNothingBeforeTheFirstRtpOfAnUpstreamSession() {
        ByteBuf compound = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(CAMERA_COMPOUND));
        assertThat(reports.rewrite(compound, 0, compound.readableBytes(), continuity)).isEqualTo(-1);

        continuity.rewrite(rtp(1, 5_000, 10), 0);
        continuity.restart();
        assertThat(reports.rewrite(compound, 0, compound.readableBytes(), continuity))
                .as("the new session's offset is not known until its first RTP packet").isEqualTo(-1);
        assertThat(reports.rejection()).isNull();
    }

    @Test
    void shouldForwardNothingFromACompoundWithoutASenderReport() {
        continuity.rewrite(rtp(1, 5_000, 10), 0);
        ByteBuf receiverReport = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("80c90001aabbccdd"));
        assertThat(reports.rewrite(receiverReport, 0, 8, continuity)).isEqualTo(-1);
        assertThat(reports.rejection()).isNull();
        assertThat(ByteBufUtil.hexDump(receiverReport)).as("untouched").isEqualTo("80c90001aabbccdd");
    }

    @Test
    void shouldFindTheSenderReportAtItsOffsetInsideTheDatagram() {
        continuity.rewrite(rtp(1, 100_000, 10), 0);
        ByteBuf datagram = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("deadbeef" + CAMERA_COMPOUND));
        assertThat(reports.rewrite(datagram, 4, datagram.readableBytes() - 4, continuity)).isEqualTo(4);
        assertThat(datagram.getInt(0)).isEqualTo(0xDEADBEEF);
    }

    @Test
    void shouldRejectACompoundWhoseLengthRunsPastTheDatagram() {
        continuity.rewrite(rtp(1, 5_000, 10), 0);
        ByteBuf overrun = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("80c800ffaabbccdd"));
        assertThat(reports.rewrite(overrun, 0, 8, continuity)).isEqualTo(-1);
        assertThat(reports.rejection()).isEqualTo(RtcpRejection.LENGTH_OVERRUN);
    }
}
