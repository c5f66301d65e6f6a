package io.airlock.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {

    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private final PacketDecoder decoder = new PacketDecoder();

    @Test
    void shouldDecodeEthernetIpv4Udp() throws IOException {
        byte[] frame = frame(PacketDecoder.LINKTYPE_ETHERNET, udp4());
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, frame)).isNull();
        assertUdp4(14);
        assertThat(decoder.etherType()).isEqualTo(PacketDecoder.ETHERTYPE_IPV4);
        assertThat(decoder.vlanId()).isEqualTo(-1);
    }

    @Test
    void shouldDecodeEachLinkType() throws IOException {
        int[][] cases = {{PacketDecoder.LINKTYPE_LINUX_SLL, 16}, {PacketDecoder.LINKTYPE_LINUX_SLL2, 20},
            {PacketDecoder.LINKTYPE_RAW, 0}, {PacketDecoder.DLT_RAW_12, 0}, {PacketDecoder.DLT_RAW_14, 0},
            {PacketDecoder.LINKTYPE_IPV4, 0}, {PacketDecoder.LINKTYPE_NULL, 4}, {PacketDecoder.LINKTYPE_LOOP, 4}};
        for (int[] c : cases) {
            assertThat(decode(c[0], frame(c[0], udp4()))).as("link type %d", c[0]).isNull();
            assertUdp4(c[1]);
        }
    }

    @Test
    void shouldStripStackedVlanTags() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(sink).vlan(100).vlan(200);
        byte[] frame = w.frame(udp4());
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xA8;
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, frame)).isNull();
        assertThat(decoder.vlanTags()).isEqualTo(2);
        assertThat(decoder.vlanId()).isEqualTo(100);
        assertUdp4(22);
    }

    @Test
    void shouldRejectTooManyVlanTags() {
        PcapWriter w = writer(PacketDecoder.LINKTYPE_ETHERNET);
        for (int i = 0; i < 5; i++) {
            w.vlan(i);
        }
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, w.frame(udp4())))
                .isEqualTo(LinkRejection.TOO_MANY_VLAN_TAGS);
    }

    @Test
    void shouldReportNonIpEtherType() {
        byte[] frame = frame(PacketDecoder.LINKTYPE_ETHERNET, udp4());
        frame[12] = (byte) 0x80;
        frame[13] = 0x33;
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, frame)).isEqualTo(LinkRejection.NOT_IP);
        assertThat(decoder.etherType()).isEqualTo(0x8033);
    }

    @Test
    void shouldRejectUnknownLinkType() {
        assertThat(decode(147, udp4())).isEqualTo(LinkRejection.UNSUPPORTED_LINK_TYPE);
    }

    @Test
    void shouldDecodeTcpSequenceAndFlags() {
        byte[] ip = SyntheticPackets.tcp("10.1.1.1", 554, "10.1.1.2", 40000, 0xFFFFFFF0L, 77,
                PacketDecoder.TCP_SYN | PacketDecoder.TCP_ACK, PAYLOAD);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, ip)).isNull();
        assertThat(decoder.protocol()).isEqualTo(6);
        assertThat(decoder.tcpSequence()).isEqualTo(0xFFFFFFF0L);
        assertThat(decoder.tcpAcknowledgment()).isEqualTo(77);
        assertThat(decoder.syn()).isTrue();
        assertThat(decoder.fin()).isFalse();
        assertThat(decoder.rst()).isFalse();
        assertThat(decoder.payloadOffset()).isEqualTo(3 + 40);
        assertThat(decoder.payloadLength()).isEqualTo(PAYLOAD.length);
    }

    @Test
    void shouldDecodeIpv6WithExtensionHeaders() {
        byte[] udp = Arrays.copyOfRange(SyntheticPackets.udp("2001:db8::1", 5004, "2001:db8::2", 5006, PAYLOAD), 40,
                40 + 8 + PAYLOAD.length);
        ByteBuffer ext = ByteBuffer.allocate(8 + 16 + 8 + udp.length);
        ext.put((byte) 60).put((byte) 0).put(new byte[6]);
        ext.put((byte) 44).put((byte) 1).put(new byte[14]);
        ext.put((byte) 17).put((byte) 0).putShort((short) 1).putInt(0x1234);
        ext.put(udp);
        byte[] ip = SyntheticPackets.ip(SyntheticPackets.address("2001:db8::1"),
                SyntheticPackets.address("2001:db8::2"), 0, ext.array());
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, frame(PacketDecoder.LINKTYPE_ETHERNET, ip))).isNull();
        assertThat(decoder.ipVersion()).isEqualTo(6);
        assertThat(decoder.protocol()).isEqualTo(17);
        assertThat(decoder.sourcePort()).isEqualTo(5004);
        assertThat(decoder.moreFragments()).isTrue();
        assertThat(decoder.payloadOffset()).isEqualTo(3 + 14 + 40 + 32 + 8);
        assertThat(decoder.payloadLength()).isEqualTo(PAYLOAD.length);
        assertThat(Arrays.copyOf(decoder.destinationAddress(), 16)).isEqualTo(SyntheticPackets.address("2001:db8::2"));
    }

    @Test
    void shouldRejectLaterIpv6Fragment() {
        ByteBuffer ext = ByteBuffer.allocate(16);
        ext.put((byte) 17).put((byte) 0).putShort((short) (185 << 3)).putInt(1).put(PAYLOAD, 0, 8);
        byte[] ip = SyntheticPackets.ip(new byte[16], new byte[16], 44, ext.array());
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, ip)).isEqualTo(IpRejection.IP_FRAGMENT);
    }

    @Test
    void shouldRejectExtensionHeaderRunningPastPacket() {
        byte[] ip = SyntheticPackets.ip(new byte[16], new byte[16], 0, new byte[] {17, 9, 0, 0, 0, 0, 0, 0});
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, ip)).isEqualTo(IpRejection.EXTENSION_HEADER_OVERRUN);
    }

    @Test
    void shouldRejectEndlessExtensionHeaderChain() {
        byte[] chain = new byte[8 * 20];
        for (int i = 0; i < 20; i++) {
            chain[i * 8] = 60;
        }
        byte[] ip = SyntheticPackets.ip(new byte[16], new byte[16], 0, chain);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, ip)).isEqualTo(IpRejection.TOO_MANY_EXTENSION_HEADERS);
    }

    @Test
    void shouldCountLaterIpv4FragmentsAndDecodeFirst() {
        byte[] first = udp4();
        first[6] = 0x20;
        first[7] = 0;
        SyntheticPackets.putShort(first, 24, 3000);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, first)).isNull();
        assertThat(decoder.moreFragments()).isTrue();
        assertThat(decoder.payloadTruncated()).isTrue();
        assertThat(decoder.payloadLength()).isEqualTo(PAYLOAD.length);
        byte[] later = udp4();
        later[6] = 0x00;
        later[7] = (byte) 185;
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, later)).isEqualTo(IpRejection.IP_FRAGMENT);
    }

    @Test
    void shouldFlagSnaplenTruncatedPayload() {
        byte[] ip = udp4();
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, Unpooled.wrappedBuffer(ip), 0, ip.length - 4)).isNull();
        assertThat(decoder.payloadTruncated()).isTrue();
        assertThat(decoder.payloadLength()).isEqualTo(PAYLOAD.length - 4);
    }

    @Test
    void shouldIgnoreEthernetPaddingAfterIpTotalLength() {
        byte[] padded = Arrays.copyOf(frame(PacketDecoder.LINKTYPE_ETHERNET, udp4()), 80);
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, padded)).isNull();
        assertThat(decoder.payloadLength()).isEqualTo(PAYLOAD.length);
        assertThat(decoder.payloadTruncated()).isFalse();
    }

    @Test
    void shouldRejectMalformedHeaders() {
        byte[] badIhl = udp4();
        badIhl[0] = 0x44;
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, badIhl)).isEqualTo(IpRejection.BAD_HEADER_LENGTH);
        byte[] badVersion = frame(PacketDecoder.LINKTYPE_ETHERNET, udp4());
        badVersion[14] = 0x65;
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, badVersion)).isEqualTo(IpRejection.BAD_VERSION);
        byte[] badTotal = udp4();
        SyntheticPackets.putShort(badTotal, 2, 12);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, badTotal)).isEqualTo(IpRejection.BAD_TOTAL_LENGTH);
        byte[] badUdp = udp4();
        SyntheticPackets.putShort(badUdp, 24, 4);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, badUdp)).isEqualTo(UdpRejection.BAD_LENGTH);
        SyntheticPackets.putShort(badUdp, 24, 400);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, badUdp)).isEqualTo(UdpRejection.BAD_LENGTH);
        byte[] tcp = SyntheticPackets.tcp("1.1.1.1", 1, "2.2.2.2", 2, 0, 0, 0, new byte[0]);
        tcp[32] = 0x40;
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, tcp)).isEqualTo(TcpRejection.BAD_DATA_OFFSET);
        tcp[32] = (byte) 0xF0;
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, tcp)).isEqualTo(TcpRejection.BAD_DATA_OFFSET);
        byte[] icmp = udp4();
        icmp[9] = 1;
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, icmp)).isEqualTo(IpRejection.NOT_TCP_OR_UDP);
        assertThat(decode(PacketDecoder.LINKTYPE_ETHERNET, new byte[13])).isEqualTo(LinkRejection.TOO_SHORT);
        assertThat(decode(PacketDecoder.LINKTYPE_RAW, new byte[0])).isEqualTo(LinkRejection.TOO_SHORT);
    }

    private Rejection decode(int linkType, byte[] frame) {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[3 + frame.length]);
        buf.setBytes(3, frame);
        return decoder.decode(linkType, buf, 3, frame.length);
    }

    private void assertUdp4(int ipOffset) {
        assertThat(decoder.ipVersion()).isEqualTo(4);
        assertThat(decoder.protocol()).isEqualTo(17);
        assertThat(Arrays.copyOf(decoder.sourceAddress(), 4)).containsExactly(192, 168, 1, 64);
        assertThat(Arrays.copyOf(decoder.destinationAddress(), 4)).containsExactly(192, 168, 1, 10);
        assertThat(decoder.sourcePort()).isEqualTo(8000);
        assertThat(decoder.destinationPort()).isEqualTo(9000);
        assertThat(decoder.ipOffset()).isEqualTo(3 + ipOffset);
        assertThat(decoder.payloadOffset()).isEqualTo(3 + ipOffset + 28);
        assertThat(decoder.payloadLength()).isEqualTo(PAYLOAD.length);
        assertThat(decoder.payloadTruncated()).isFalse();
    }

    private static byte[] udp4() {
        return SyntheticPackets.udp("192.168.1.64", 8000, "192.168.1.10", 9000, PAYLOAD);
    }

    private static byte[] frame(int linkType, byte[] ip) {
        return writer(linkType).frame(ip);
    }

    private static PcapWriter writer(int linkType) {
        try {
            return new PcapWriter(new ByteArrayOutputStream(), linkType, false, ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
