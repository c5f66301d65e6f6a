package io.airlock.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.classify.SamplePayloads;
import io.airlock.wire.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class DnsMessageTest {

    /** ID 1, RD, one question, no records. */
    private static final String QUERY_HEADER = "000101000001000000000000";

    private final DnsMessage dns = new DnsMessage();
    private final DnsRecord record = new DnsRecord();
    private final StringBuilder name = new StringBuilder();

    @Test
    void shouldReadTheQuestionOfAQuery() {
        assertThat(dns.wrap(buf(SamplePayloads.dnsQuery("dev.hik-connect.com")), 0, 37)).isNull();
        assertThat(dns.id()).isEqualTo(0x3A5C);
        assertThat(dns.isResponse()).isFalse();
        assertThat(dns.opcode()).isZero();
        assertThat(dns.questionCount()).isEqualTo(1);
        assertThat(dns.answerCount()).isZero();
        assertThat(dns.questionName(0, name)).isTrue();
        assertThat(name).hasToString("dev.hik-connect.com");
        assertThat(dns.questionType(0)).isEqualTo(DnsMessage.TYPE_A);
        assertThat(dns.questionName(1, name)).isFalse();
    }

    @Test
    void shouldFollowTheCompressionPointerOfAnAnswer() {
        byte[] bytes = SamplePayloads.dnsResponseA("api.ezvizlife.com", new byte[] {(byte) 203, 0, 113, 7});
        assertThat(dns.wrap(buf(bytes), 0, bytes.length)).isNull();
        assertThat(dns.isResponse()).isTrue();
        assertThat(dns.rcode()).isZero();
        assertThat(dns.answer(0, record)).isTrue();
        assertThat(record.name()).hasToString("api.ezvizlife.com");
        assertThat(record.type()).isEqualTo(DnsMessage.TYPE_A);
        assertThat(record.ttl()).isEqualTo(300);
        assertThat(record.addressLength()).isEqualTo(4);
        assertThat(record.address()).startsWith((byte) 203, (byte) 0, (byte) 113, (byte) 7);
        assertThat(dns.answer(1, record)).isFalse();
    }

    @Test
    void shouldReadCnameTargetsAndAaaaAddresses() {
        // www.ys7.com CNAME cdn.ys7.com (a pointer into the question), then cdn.ys7.com (a pointer into the CNAME's
        // data) AAAA 2001:db8::1
        assertThat(wrapHex("000181800001000200000000" + "037777770379733703636f6d0000010001"
                + "c00c0005000100000e1000060363646ec010"
                + "c029001c000100000e10001020010db8000000000000000000000001")).isNull();
        assertThat(dns.answer(0, record)).isTrue();
        assertThat(record.type()).isEqualTo(DnsMessage.TYPE_CNAME);
        assertThat(record.target()).hasToString("cdn.ys7.com");
        assertThat(dns.answer(1, record)).isTrue();
        assertThat(record.name()).hasToString("cdn.ys7.com");
        assertThat(record.addressLength()).isEqualTo(16);
        assertThat(record.address()[15]).isEqualTo((byte) 1);
    }

    @Test
    void shouldEscapeDotsAndUnprintableBytesInsideLabels() {
        // one label "a.b" then "c\0", as a hostile resolver might answer
        assertThat(wrapHex(QUERY_HEADER + "03612e6202630000" + "00010001")).isNull();
        dns.questionName(0, name);
        assertThat(name).hasToString("a\\.b.c\\000");
    }

    @Test
    void shouldRejectAPointerLoop() {
        // question name at 12 is a pointer to itself
        assertThat(wrapHex(QUERY_HEADER + "c00c" + "00010001")).isEqualTo(DnsRejection.POINTER_NOT_BACKWARDS);
    }

    @Test
    void shouldRejectTwoPointersThatPointAtEachOther() {
        // answer name at 29 points to 31, which points back to 29: both must point before where the walk has been
        assertThat(wrapHex("000181000001000100000000" + "0161036f72670000010001" + "c01fc01d"
                + "0001000100000001" + "000401020304")).isEqualTo(DnsRejection.POINTER_NOT_BACKWARDS);
    }

    @Test
    void shouldRejectAForwardPointer() {
        assertThat(wrapHex(QUERY_HEADER + "c01200010001" + "0161" + "00"))
                .isEqualTo(DnsRejection.POINTER_NOT_BACKWARDS);
    }

    @Test
    void shouldRejectNamesLongerThan255Bytes() {
        StringBuilder hex = new StringBuilder(QUERY_HEADER);
        for (int i = 0; i < 5; i++) {
            hex.append("3f").append("61".repeat(63));
        }
        hex.append("0000010001");
        assertThat(wrapHex(hex)).isEqualTo(DnsRejection.NAME_TOO_LONG);
    }

    @Test
    void shouldRejectTheReservedLabelTypes() {
        assertThat(wrapHex(QUERY_HEADER + "41610000010001")).isEqualTo(DnsRejection.BAD_LABEL_TYPE);
    }

    @Test
    void shouldRejectTruncatedMessages() {
        byte[] bytes = SamplePayloads.dnsResponseA("cam.example", new byte[4]);
        for (int n = 0; n < bytes.length; n++) {
            assertThat(dns.wrap(buf(bytes), 0, n)).as("first %d bytes", n).isNotNull();
        }
        assertThat(dns.wrap(buf(new byte[5]), 0, 5)).isEqualTo(DnsRejection.TOO_SHORT);
    }

    @Test
    void shouldRejectAnARecordThatIsNotFourBytes() {
        // an A record with 3 bytes of data
        assertThat(wrapHex("000181000001000100000000" + "01610000010001" + "c00c00010001000000010003010203"))
                .isEqualTo(DnsRejection.BAD_ADDRESS_LENGTH);
    }

    @Test
    void shouldRejectImplausibleCounts() {
        assertThat(wrapHex("0001010000ff000000000000")).isEqualTo(DnsRejection.TOO_MANY_QUESTIONS);
    }

    @Test
    void shouldReadTheRootName() {
        assertThat(wrapHex(QUERY_HEADER + "00" + "00020001")).isNull();
        dns.questionName(0, name);
        assertThat(name).hasToString(".");
    }

    @Test
    void shouldNotAllocateWhileReadingNamesAndRecords() {
        byte[] bytes = SamplePayloads.dnsResponseA("api.ezvizlife.com", new byte[4]);
        ByteBuf buf = buf(bytes);
        StringBuilder out = new StringBuilder(DnsRecord.MAX_NAME_CHARS);
        long before = allocated();
        for (int i = 0; i < 10_000; i++) {
            dns.wrap(buf, 0, bytes.length);
            out.setLength(0);
            dns.questionName(0, out);
            dns.answer(0, record);
        }
        assertThat(allocated() - before).isLessThan(10_000);
    }

    private io.airlock.wire.Rejection wrapHex(CharSequence hex) {
        byte[] bytes = Hex.decode(hex);
        return dns.wrap(buf(bytes), 0, bytes.length);
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    private static ByteBuf buf(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }
}
