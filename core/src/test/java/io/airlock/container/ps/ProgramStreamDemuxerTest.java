package io.airlock.container.ps;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProgramStreamDemuxerTest {

    static final byte[] IDR = ProgramStreamMuxer.bytes(0, 0, 0, 1, 0x67, 0x42, 0x00, 0x1F, 0, 0, 0, 1, 0x68, 0xCE,
            0x3C, 0x80, 0, 0, 0, 1, 0x06, 0xE5, 0x01, 0x3C, 0x80, 0, 0, 0, 1, 0x65, 0x88, 0x84, 0x00, 0x10, 0x20, 0x30,
            0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0, 0xE0, 0xF0, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06,
            0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18);
    static final byte[] P = ProgramStreamMuxer.bytes(0, 0, 0, 1, 0x41, 0x9A, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07);

    static byte[] smallStream() {
        return new ProgramStreamMuxer(Codec.H264).counterStuffing(0x0004DC23L).hikvisionDescriptors(true)
                .privateAfterIdr(true).maxPesPacket(48)
                .writeAccessUnit(IDR, 90_000, true).writeAccessUnit(P, 93_600, false).writeProgramEnd().toByteArray();
    }

    static RecordingPsListener demux(byte[] data, int... splits) {
        RecordingPsListener l = new RecordingPsListener();
        ProgramStreamDemuxer d = new ProgramStreamDemuxer(l);
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        int from = 0;
        for (int s : splits) {
            d.feed(buf, from, s - from, from);
            from = s;
        }
        d.feed(buf, from, data.length - from, from);
        d.finish();
        return l;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * Hikvision GB28181 PS (threat-signatures §2.2, real camera recording): pack stuffing that is not 0xFF but a
     * big-endian pack counter, a PSM with private "HK" descriptors 0x40/0x41, and a 0xBD private PES after the IDR.
     */
    @Test
    void hikvisionPackCounterStuffingHkPsmDescriptorsAndPrivateBd() {
        byte[] pack = ProgramStreamMuxer.bytes(
                0x00, 0x00, 0x01, 0xBA,             // pack_start_code
                0x6C, 0x67, 0x0C, 0xD1, 0x34, 0x01, // '01', SCR base and extension with marker bits
                0x01, 0x39, 0x9F,                   // program_mux_rate 0x4E67, two marker bits
                0xFE,                               // reserved 11111, pack_stuffing_length 6
                0xFF, 0xFF,                         // stuffing 0xFF
                0x00, 0x04, 0xDC, 0x23);            // "stuffing": Hikvision pack counter 0x0004DC23
        byte[] system = ProgramStreamMuxer.bytes(
                0x00, 0x00, 0x01, 0xBB, 0x00, 0x12, // system_header_start_code, header_length 18
                0x80, 0x9C, 0xCF,                   // marker, rate_bound 0x4E67, marker
                0x04, 0xE1, 0x7F,                   // audio_bound 1, flags, video_bound 1, reserved
                0xE0, 0xE0, 0x80,                   // stream E0 (video)
                0xC0, 0xC0, 0x08,                   // stream C0 (audio)
                0xBD, 0xE0, 0x80,                   // stream BD (private_stream_1)
                0xBF, 0xE0, 0x80);                  // stream BF (private_stream_2)
        byte[] psm = ProgramStreamMuxer.bytes(
                0x00, 0x00, 0x01, 0xBC, 0x00, 0x4E, // PSM start code, PES_packet_length 78
                0xE8, 0xFF,                         // current_next 1, version 8 (increments per PSM); marker
                0x00, 0x24,                         // program_stream_info_length 36
                0x40, 0x0E, 0x48, 0x4B, 0x01, 0x00, 0x13, 0x67, 0x2B, 0x8B, 0xB3, 0x87, 0x00, 0xFF, 0xFF, 0xFF, // "HK"
                0x41, 0x12, 0x48, 0x4B, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B,
                0x0C, 0x0D, 0x0E, 0x0F,             // tag 0x41 len 18 "HK" 00..0F
                0x00, 0x20,                         // elementary_stream_map_length 32 (derived: not in the excerpt)
                0x1B, 0xE0, 0x00, 0x1C,             // H.264, stream E0, ES_info_length 28
            0x42, 0x0E, 0x07, 0x10, 0x10, 0xEA, 0x02, 0xC0, 0x02, 0x40, 0x11, 0x30, 0x00, 0x00, 0x1C, 0x20, // 704,576
                0x2A, 0x0A, 0x7F, 0xFF, 0x00, 0x00, 0x07, 0x08, 0x1F, 0xFE, 0x58, 0x48, // AVC timing and HRD
                0x00, 0x00, 0x00, 0x00);            // CRC_32 (not in the excerpt; not verified)
        byte[] bd = ProgramStreamMuxer.bytes(
                0x00, 0x00, 0x01, 0xBD, 0x00, 0x1A, // private_stream_1, PES_packet_length 26 (excerpt's body cut)
                0x8C, 0x80, 0x07,                   // PES flags, PTS only, header_data_length 7
                0x21, 0x00, 0x05, 0xBF, 0x21,       // PTS (placeholder value)
                0xFF, 0xF8,                         // header stuffing
                0x00, 0x02, 0x00, 0x17, 0x00, 0x01, 0x80, 0x00, 0x04, 0xFF, 0xDC, 0x23, 0xE0, 0xF1, 0xF0, 0x50);

        RecordingPsListener l = demux(concat(pack, system, psm, bd));

        assertThat(l.rejections).isEmpty();
        assertThat(l.events).contains(
                "pack scr=" + PsHeaders.scr(Unpooled.wrappedBuffer(pack), 0) + " mux=20071 stuffing=6 allFf=false"
                        + " counter=4dc23 @0",
                "system rate=20071 audio=1 video=1 @20", "system-stream e0 1 128", "system-stream bd 1 128",
                "psm v8 cni=true @44",
                "psm-desc 40 484b010013672b8bb38700ffffff",
                "psm-desc 41 484b000102030405060708090a0b0c0d0e0f",
                "psm-stream type=1b id=e0",
                "es-desc e0 42 071010ea02c00240113000001c20", "es-desc e0 2a 7fff000007081ffe5848",
                "private bd len=26 @128");
        assertThat(l.evidence).containsExactly("8c800721" + "0005bf21fff8000200170001800004ffdc23e0f1f050");
    }

    @Test
    void shouldGiveTheSameEventsAtEverySplitPoint() {
        byte[] data = smallStream();
        RecordingPsListener whole = demux(data);
        assertThat(whole.rejections).isEmpty();
        assertThat(whole.video.toByteArray()).isEqualTo(concat(IDR, P));
        assertThat(whole.events).filteredOn(e -> e.startsWith("pes e0")).hasSizeGreaterThan(2);
        for (int split = 0; split <= data.length; split++) {
            assertThat(demux(data, split).events).as("split at %d", split).isEqualTo(whole.events);
        }
        for (int a = 1; a < data.length; a += 7) {
            for (int b = a; b <= data.length; b += 5) {
                assertThat(demux(data, a, b).events).as("splits at %d,%d", a, b).isEqualTo(whole.events);
            }
        }
    }

    @Test
    void shouldDemuxOneByteAtATime() {
        byte[] data = smallStream();
        int[] splits = new int[data.length - 1];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = i + 1;
        }
        RecordingPsListener l = demux(data, splits);
        assertThat(l.events).isEqualTo(demux(data).events);
        assertThat(l.video.toByteArray()).isEqualTo(concat(IDR, P));
    }

    @Test
    void shouldNotMistakeStartCodesInsidePrivateBdForUnits() {
        byte[] data = smallStream();
        RecordingPsListener l = demux(data);
        assertThat(l.events).filteredOn(e -> e.startsWith("pack")).hasSize(2);
        assertThat(l.events).filteredOn(e -> e.startsWith("private bd")).hasSize(1);
        assertThat(l.evidence.get(0)).contains("000000" + "01ba44");
    }

    @Test
    void shouldSkipLeadingImkhHeaderWithoutRejection() {
        byte[] imkh = new byte[40];
        System.arraycopy(ProgramStreamMuxer.bytes(0x49, 0x4D, 0x4B, 0x48, 0x01, 0x01), 0, imkh, 0, 6);
        byte[] data = concat(imkh, smallStream());
        assertThat(ProgramStreamDemuxer.probe(Unpooled.wrappedBuffer(data), 0, data.length)).isTrue();
        RecordingPsListener l = new RecordingPsListener();
        ProgramStreamDemuxer d = new ProgramStreamDemuxer(l);
        d.feed(Unpooled.wrappedBuffer(data), 0, data.length, 0);
        assertThat(d.skippedBytes()).isEqualTo(40);
        assertThat(d.packCount()).isEqualTo(2);
        d.finish();
        assertThat(l.rejections).isEmpty();
        assertThat(l.video.toByteArray()).isEqualTo(concat(IDR, P));
    }

    @Test
    void shouldReportTruncationAndKeepEverythingBefore() {
        byte[] data = smallStream();
        for (int cut = 1; cut < data.length - 4; cut++) {
            RecordingPsListener l = demux(Arrays.copyOf(data, cut));
            assertThat(l.openPes).as("cut %d", cut).isZero();
            byte[] got = l.video.toByteArray();
            assertThat(Arrays.copyOf(concat(IDR, P), got.length)).as("cut %d", cut).isEqualTo(got);
        }
        RecordingPsListener l = demux(Arrays.copyOf(data, data.length - 8));
        assertThat(l.rejections).containsExactly(PsRejection.TRUNCATED_PES);
    }

    @Test
    void shouldRejectPesLengthPastEndOfData() {
        byte[] data = ProgramStreamMuxer.bytes(0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1, 0, 3, 3, 0xF8,
                0, 0, 1, 0xE0, 0xFF, 0xF0, 0x80, 0x80, 0x05, 0x21, 0, 1, 0, 1, 0xAA, 0xBB);
        RecordingPsListener l = demux(data);
        assertThat(l.rejections).containsExactly(PsRejection.TRUNCATED_PES);
        assertThat(l.events).contains("pes-end e0 bytes=2");
    }

    @Test
    void shouldResyncOnNextPackAfterGarbage() {
        byte[] s = smallStream();
        byte[] garbage = ProgramStreamMuxer.bytes(0x12, 0x00, 0x00, 0x01, 0xE0, 0x00, 0x00, 0x01, 0x00, 0x55);
        int firstPackEnd = 20;
        byte[] data = concat(Arrays.copyOf(s, firstPackEnd), garbage, s);
        RecordingPsListener l = new RecordingPsListener();
        ProgramStreamDemuxer d = new ProgramStreamDemuxer(l);
        d.feed(Unpooled.wrappedBuffer(data), 0, data.length, 0);
        d.finish();
        assertThat(l.rejections).containsExactly(PsRejection.LOST_SYNC);
        assertThat(l.video.toByteArray()).isEqualTo(concat(IDR, P));
        assertThat(l.events).filteredOn(e -> e.startsWith("pack")).hasSize(3);
    }

    @Test
    void shouldRejectDataWithoutPackHeader() {
        RecordingPsListener l = demux(ProgramStreamMuxer.bytes(0, 0, 1, 0xE0, 0, 3, 1, 2, 3));
        assertThat(l.rejections).containsExactly(PsRejection.NO_PACK_HEADER);
        assertThat(l.pesStarts).isZero();
    }

    @Test
    void shouldSkipOversizedPsmByItsLength() {
        byte[] pack = Arrays.copyOf(smallStream(), 20);
        byte[] psm = new byte[6 + 2000];
        psm[2] = 1;
        psm[3] = (byte) 0xBC;
        psm[4] = (byte) (2000 >>> 8);
        psm[5] = (byte) 2000;
        Arrays.fill(psm, 6, psm.length, (byte) 0xBA);
        RecordingPsListener l = demux(concat(pack, psm, smallStream()), 30);
        assertThat(l.rejections).containsExactly(PsRejection.PSM_TOO_LONG);
        assertThat(l.video.toByteArray()).isEqualTo(concat(IDR, P));
    }

    @Test
    void shouldRejectPsmWhoseDescriptorOverrunsTheMap() {
        byte[] pack = Arrays.copyOf(smallStream(), 20);
        byte[] psm = ProgramStreamMuxer.bytes(0, 0, 1, 0xBC, 0, 10, 0xE0, 0xFF, 0, 4, 0x40, 0x09, 0x48, 0x4B, 0, 0);
        RecordingPsListener l = demux(concat(pack, psm));
        assertThat(l.rejections).containsExactly(PsRejection.BAD_PSM);
        assertThat(l.events).noneMatch(e -> e.startsWith("psm"));
    }

    @Test
    void shouldProbeMpeg2AndMpeg1PacksOnly() {
        assertThat(ProgramStreamDemuxer.probe(Unpooled.wrappedBuffer(smallStream()), 0, 20)).isTrue();
        byte[] mpeg1 = ProgramStreamMuxer.bytes(0, 0, 1, 0xBA, 0x21, 0, 1, 0, 1, 0x80, 0x01, 0x01);
        assertThat(ProgramStreamDemuxer.probe(Unpooled.wrappedBuffer(mpeg1), 0, mpeg1.length)).isTrue();
        byte[] pes = ProgramStreamMuxer.bytes(0, 0, 1, 0xE0, 0x44, 0, 0);
        assertThat(ProgramStreamDemuxer.probe(Unpooled.wrappedBuffer(pes), 0, pes.length)).isFalse();
    }
}
