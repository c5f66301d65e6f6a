package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.alert.Rule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CveMatcherTest {

    @Test
    void shouldMatchEveryPublishedExploitRequest() {
        assertThat(match(SamplePayloads.cve202136260())).isEqualTo(Rule.CVE_2021_36260);
        assertThat(match(SamplePayloads.cve20177921())).isEqualTo(Rule.CVE_2017_7921);
        assertThat(match(SamplePayloads.cve202133044())).isEqualTo(Rule.CVE_2021_33044);
        assertThat(match(SamplePayloads.cve202133045())).isEqualTo(Rule.CVE_2021_33045);
        assertThat(match(SamplePayloads.cve20189995())).isEqualTo(Rule.CVE_2018_9995);
    }

    @Test
    void shouldNotMatchBenignRequests() {
        assertThat(match(SamplePayloads.httpGet("10.1.0.20", "/ISAPI/System/deviceInfo"))).isNull();
        assertThat(match(SamplePayloads.httpGet("10.1.0.20", "/Security/users?auth=dXNlcjpwYXNz"))).isNull();
        assertThat(match(SamplePayloads.httpGet("10.1.0.20", "/SDK/webLanguage"))).as("GET").isNull();
        assertThat(match(SamplePayloads.httpGet("10.1.0.20", "/doc/page/login.asp?_1700000000"))).isNull();
        assertThat(match(SamplePayloads.dhipDiscovery())).isNull();
        assertThat(match(SamplePayloads.rtpPacket(96, 1, 1, 1, new byte[100]))).isNull();
    }

    @Test
    void shouldNotMatchAnOrdinaryLanguageChange() {
        assertThat(match(webLanguage("<?xml version=\"1.0\" encoding=\"UTF-8\"?><language>english</language>")))
                .isNull();
    }

    @Test
    void shouldMatchEachShellMetacharacterInTheLanguageElement() {
        for (String cmd : new String[] {"$(reboot)", "`id`", "a;b", "a|b", ">webLib/x", "a&&b"}) {
            assertThat(match(webLanguage("<language>" + cmd + "</language>"))).as(cmd).isEqualTo(Rule.CVE_2021_36260);
        }
        assertThat(match(webLanguage("$(reboot)"))).as("body without the element").isEqualTo(Rule.CVE_2021_36260);
    }

    @Test
    void shouldMatchAWebLanguagePutWhoseBodyIsInTheNextSegment() {
        byte[] put = SamplePayloads.cve202136260();
        int headEnd = new String(put, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
        assertThat(match(Arrays.copyOf(put, headEnd))).isEqualTo(Rule.CVE_2021_36260);
        assertThat(match(Arrays.copyOf(put, 40))).as("head cut short").isEqualTo(Rule.CVE_2021_36260);
    }

    @Test
    void shouldTolerateWhitespaceAndCaseInTheDahuaLoginJson() {
        byte[] spaced = dhipJson("{ \"method\" : \"global.login\", \"params\" : { \"clientType\" :  "
                + "\"NetKeyboard\" } }");
        assertThat(match(spaced)).isEqualTo(Rule.CVE_2021_33044);
        byte[] cased = dhipJson("{\"method\":\"global.login\",\"params\":{\"loginType\":\"LOOPBACK\"}}");
        assertThat(match(cased)).isEqualTo(Rule.CVE_2021_33045);
    }

    @Test
    void shouldNotMatchAnOrdinaryDahuaLogin() {
        byte[] web = dhipJson("{\"method\":\"global.login\",\"params\":{\"userName\":\"admin\",\"password\":\"x\","
                + "\"clientType\":\"Web3.0\",\"loginType\":\"Direct\"},\"id\":2}");
        assertThat(match(web)).isNull();
        byte[] other = dhipJson("{\"method\":\"magicBox.getDeviceType\",\"params\":{\"clientType\":\"Local\"}}");
        assertThat(match(other)).as("not a login").isNull();
    }

    @Test
    void shouldWantTheAdminCookieForTheTbkDisclosure() {
        assertThat(match(SamplePayloads.httpGet("h", "/device.rsp?opt=user&cmd=list"))).isNull();
        assertThat(match(SamplePayloads.ascii("GET /device.rsp?cmd=list&opt=user HTTP/1.1\r\nCookie: lang=en; "
                + "uid=admin\r\n\r\n"))).isEqualTo(Rule.CVE_2018_9995);
    }

    @Test
    void shouldNotAllocateOnTheNoMatchPath() {
        byte[] benign = SamplePayloads.httpGet("10.1.0.20",
                "/ISAPI/Streaming/channels/101/picture?snapShotImageType=JPEG");
        ByteBuf buf = Unpooled.wrappedBuffer(benign);
        for (int i = 0; i < 1000; i++) {
            CveMatcher.match(buf, 0, benign.length);
        }
        long before = PayloadClassifierTest.allocated();
        for (int i = 0; i < 10_000; i++) {
            CveMatcher.match(buf, 0, benign.length);
        }
        assertThat(PayloadClassifierTest.allocated() - before).isLessThan(10_000);
    }

    private static byte[] webLanguage(String body) {
        return SamplePayloads.ascii("PUT /SDK/webLanguage HTTP/1.1\r\nHost: 10.1.0.20\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
    }

    private static byte[] dhipJson(String json) {
        byte[] body = SamplePayloads.ascii(json);
        byte[] packet = Arrays.copyOf(SamplePayloads.cve202133045(), 32 + body.length);
        System.arraycopy(body, 0, packet, 32, body.length);
        return packet;
    }

    private static Rule match(byte[] bytes) {
        return CveMatcher.match(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
    }
}
