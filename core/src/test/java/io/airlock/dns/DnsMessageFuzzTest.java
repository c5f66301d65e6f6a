package io.airlock.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.classify.SamplePayloads;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes as a DNS message: no exception, names bounded, records inside the message. */
class DnsMessageFuzzTest {

    private final DnsMessage dns = new DnsMessage();
    private final DnsRecord record = new DnsRecord();
    private final StringBuilder name = new StringBuilder(DnsRecord.MAX_NAME_CHARS);

    @FuzzTest(maxDuration = "10s")
    void dnsMessageSurvivesArbitraryBytes(byte[] bytes) {
        check(bytes);
    }

    @Test
    void shouldSurviveMutatedMessages() {
        Random random = new Random(53);
        byte[][] seeds = {SamplePayloads.dnsQuery("dev.hik-connect.com"),
            SamplePayloads.dnsResponseA("a.b.ezvizlife.com", new byte[] {1, 2, 3, 4})};
        for (int i = 0; i < 50_000; i++) {
            byte[] m = Arrays.copyOf(seeds[i & 1], random.nextInt(seeds[i & 1].length + 8));
            for (int k = random.nextInt(5); k >= 0 && m.length > 0; k--) {
                int at = random.nextInt(m.length);
                // bias towards pointer bytes and label lengths, where the interesting bugs live
                m[at] = (byte) (random.nextBoolean() ? 0xC0 | random.nextInt(64) : random.nextInt(256));
            }
            check(m);
        }
    }

    private void check(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[5], bytes);
        if (dns.wrap(buf, 5, bytes.length) != null) {
            assertThat(dns.questionName(0, name)).isFalse();
            return;
        }
        for (int i = 0; i < dns.questionCount(); i++) {
            name.setLength(0);
            assertThat(dns.questionName(i, name)).isTrue();
            assertThat(name.length()).isBetween(1, DnsRecord.MAX_NAME_CHARS);
            dns.questionType(i);
        }
        for (int i = 0; i < dns.answerCount(); i++) {
            assertThat(dns.answer(i, record)).isTrue();
            assertThat(record.name().length()).isBetween(1, DnsRecord.MAX_NAME_CHARS);
            assertThat(record.target().length()).isLessThanOrEqualTo(DnsRecord.MAX_NAME_CHARS);
            assertThat(record.addressLength()).isIn(0, 4, 16);
        }
        assertThat(DnsMessage.skipName(buf, 5, 5 + DnsMessage.HEADER_LENGTH, 5 + bytes.length))
                .isLessThanOrEqualTo(5 + bytes.length);
    }
}
