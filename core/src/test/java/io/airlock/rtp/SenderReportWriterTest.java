package io.airlock.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderReportWriterTest {

    @Test
    void shouldWriteAnSrAndSdesCnameCompoundThatParses() {
        SenderReportWriter writer = new SenderReportWriter("cam");
        ByteBuf out = Unpooled.buffer();
        writer.write(out, 0xAABBCCDDL, 1_000L, 100_000, 100, 10_000);

        assertThat(out.readableBytes()).isEqualTo(writer.length());
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(""
                + "80c80006" + "aabbccdd" + "83aa7e81" + "00000000" + "000186a0" + "00000064" + "00002710"
                + "81ca0003" + "aabbccdd" + "01036361" + "6d000000");
        RtcpPacket rtcp = new RtcpPacket();
        assertThat(rtcp.wrap(out, 0, out.readableBytes())).isNull();
        assertThat(rtcp.packetCount()).isEqualTo(2);
    }

    @Test
    void shouldCountNtpSecondsFrom1900AndTheFractionIn2To32nds() {
        assertThat(SenderReportWriter.ntpTimestamp(0)).isEqualTo(2_208_988_800L << 32);
        assertThat(SenderReportWriter.ntpTimestamp(1_500) & 0xFFFF_FFFFL).isEqualTo(1L << 31);
    }

    @Test
    void shouldPadTheSdesChunkToAWholeWordWithAtLeastOneNullOctet() {
        for (String cname : new String[] {"ab", "abc", "abcd", "abcde"}) {
            SenderReportWriter writer = new SenderReportWriter(cname);
            ByteBuf out = Unpooled.buffer();
            writer.write(out, 1, 0, 0, 0, 0);
            assertThat(out.readableBytes() % 4).isZero();
            assertThat(out.getByte(out.readableBytes() - 1)).as(cname).isZero();
            assertThat(new RtcpPacket().wrap(out, 0, out.readableBytes())).as(cname).isNull();
        }
    }
}
