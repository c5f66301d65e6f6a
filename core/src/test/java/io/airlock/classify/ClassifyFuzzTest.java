package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.net.Flow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes through every classify entry point: the classifier, the TLS, HTTP and SIP readers, the CVE matcher
 * and evidence never throw, and what they return stays inside the bytes they were given. The mutation test runs the
 * same checks on damaged copies of every sample payload.
 */
class ClassifyFuzzTest {

    private static final int[] PORTS = {53, 123, 1900, 3702, 5060, 34569, 37020, 37810, 40000};
    private static final int PAD = 3;

    private final HttpRequestHead http = new HttpRequestHead();
    private final SipMessage sip = new SipMessage();

    @FuzzTest(maxDuration = "10s")
    void payloadClassifierSurvivesArbitraryBytes(byte[] bytes) {
        classify(bytes);
    }

    @FuzzTest(maxDuration = "10s")
    void tlsClientHelloSurvivesArbitraryBytes(byte[] bytes) {
        tls(bytes);
    }

    @FuzzTest(maxDuration = "10s")
    void httpRequestHeadSurvivesArbitraryBytes(byte[] bytes) {
        http(bytes);
    }

    @FuzzTest(maxDuration = "10s")
    void sipMessageSurvivesArbitraryBytes(byte[] bytes) {
        sip(bytes);
    }

    @FuzzTest(maxDuration = "10s")
    void cveMatcherAndEvidenceSurviveArbitraryBytes(byte[] bytes) {
        other(bytes);
    }

    @Test
    void shouldSurviveMutatedSamplePayloads() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(1984);
        for (int i = 0; i < 8_000; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] m = Arrays.copyOf(seed, random.nextInt(seed.length + 16));
            for (int k = random.nextInt(4); k >= 0 && m.length > 0; k--) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            classify(m);
            tls(m);
            http(m);
            sip(m);
            if (i % 20 == 0) {
                other(m);
            }
        }
    }

    private static void classify(byte[] bytes) {
        ByteBuf buf = padded(bytes);
        for (int port : PORTS) {
            assertThat(PayloadClassifier.classify(Flow.PROTO_UDP, 40000, port, buf, PAD, bytes.length)).isNotNull();
            assertThat(PayloadClassifier.classify(Flow.PROTO_TCP, port, 40000, buf, PAD, bytes.length)).isNotNull();
        }
        assertThat(PayloadClassifier.classifyFrame(PayloadClassifier.ETHERTYPE_SADP, buf, PAD, bytes.length))
                .isNotNull();
    }

    private static void tls(byte[] bytes) {
        ByteBuf buf = padded(bytes);
        String sni = TlsClientHello.serverName(buf, PAD, bytes.length);
        if (sni == null) {
            assertThat(TlsClientHello.rejection(buf, PAD, bytes.length)).isNotNull();
        } else {
            assertThat(sni.length()).isBetween(1, TlsClientHello.MAX_HOST_NAME_LENGTH);
            assertThat(TlsClientHello.rejection(buf, PAD, bytes.length)).isNull();
        }
    }

    private void http(byte[] bytes) {
        ByteBuf buf = padded(bytes);
        if (http.wrap(buf, PAD, bytes.length) != null) {
            return;
        }
        int end = PAD + bytes.length;
        assertThat(http.targetOffset() + http.targetLength()).isLessThanOrEqualTo(end);
        assertThat((long) http.bodyOffset() + http.bodyLength()).isLessThanOrEqualTo(end);
        assertThat(http.bodyLength()).isNotNegative();
        http.method();
        http.target();
        for (int i = 0; i < http.headerCount(); i++) {
            assertThat(http.valueOffset(i) + http.valueLength(i)).isLessThanOrEqualTo(end);
            assertThat(http.valueLength(i)).isNotNegative();
        }
        http.header("Host");
    }

    private void sip(byte[] bytes) {
        if (sip.wrap(padded(bytes), PAD, bytes.length) != null) {
            return;
        }
        sip.method();
        sip.requestUri();
        sip.fromUser();
        sip.toUser();
        String id = sip.gb28181DeviceId();
        if (id != null) {
            assertThat(id).hasSize(SipMessage.GB28181_ID_LENGTH).containsOnlyDigits();
        }
    }

    private static void other(byte[] bytes) {
        ByteBuf buf = padded(bytes);
        CveMatcher.match(buf, PAD, bytes.length);
        for (Verdict v : Verdict.values()) {
            ClassifiedEvidence e = Evidence.describe(v, buf, PAD, bytes.length);
            assertThat(e.summary()).isNotNull();
            for (String value : e.details().values()) {
                assertThat(value).doesNotContainPattern("[\\x00-\\x1f\\x7f]");
            }
        }
    }

    private static ByteBuf padded(byte[] bytes) {
        return Unpooled.wrappedBuffer(new byte[PAD], bytes, new byte[PAD]);
    }

    /** Every no-argument sample, plus the parameterised ones with typical arguments. */
    static List<byte[]> seeds() throws ReflectiveOperationException {
        List<byte[]> seeds = new ArrayList<>();
        for (Method m : SamplePayloads.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0) {
                seeds.add((byte[]) m.invoke(null));
            }
        }
        seeds.add(SamplePayloads.dnsQuery("dev.hik-connect.com"));
        seeds.add(SamplePayloads.dnsResponseA("dev.hik-connect.com", new byte[4]));
        seeds.add(SamplePayloads.tlsClientHello("api.hik-connect.com"));
        seeds.add(SamplePayloads.httpGet("cam", "/ISAPI/System/deviceInfo"));
        seeds.add(SamplePayloads.rtpPs(1, 2, 3));
        return seeds;
    }
}
