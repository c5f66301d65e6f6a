package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HttpRequestHeadTest {

    private final HttpRequestHead http = new HttpRequestHead();

    @Test
    void shouldReadMethodTargetAndHeaders() {
        byte[] get = SamplePayloads.httpGet("cam.example", "/ISAPI/System/deviceInfo");
        assertThat(http.wrap(buf(get), 0, get.length)).isNull();
        assertThat(http.method()).isEqualTo("GET");
        assertThat(http.methodIs("GET")).isTrue();
        assertThat(http.methodIs("GE")).isFalse();
        assertThat(http.target()).isEqualTo("/ISAPI/System/deviceInfo");
        assertThat(http.header("host")).isEqualTo("cam.example");
        assertThat(http.header("HOST")).isEqualTo("cam.example");
        assertThat(http.header("Cookie")).isNull();
        assertThat(http.headComplete()).isTrue();
        assertThat(http.bodyLength()).isZero();
    }

    @Test
    void shouldGiveTheBodyPresentInThisSegment() {
        byte[] put = SamplePayloads.cve202136260();
        assertThat(http.wrap(buf(put), 0, put.length)).isNull();
        assertThat(http.methodIs("PUT")).isTrue();
        String body = buf(put).toString(http.bodyOffset(), http.bodyLength(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).endsWith("<language>$(>webLib/c)</language>");
    }

    @Test
    void shouldKeepTheCompleteHeaderLinesOfAHeadCutByTheSegmentEnd() {
        byte[] get = SamplePayloads.httpGet("cam.example", "/");
        int cut = new String(get, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("User-Agent") + 4;
        assertThat(http.wrap(buf(get), 0, cut)).isNull();
        assertThat(http.headComplete()).isFalse();
        assertThat(http.header("Host")).isEqualTo("cam.example");
        assertThat(http.indexOf("User-Agent")).isEqualTo(-1);
        assertThat(http.bodyLength()).isZero();
    }

    @Test
    void shouldCapTheBodyAtContentLength() {
        byte[] post = SamplePayloads.ascii("POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcPOST /y HTTP/1.1\r\n");
        assertThat(http.wrap(buf(post), 0, post.length)).isNull();
        assertThat(http.bodyLength()).isEqualTo(3);
    }

    @Test
    void shouldTolerateLfOnlyLinesAndFoldedValues() {
        byte[] get = SamplePayloads.ascii("GET / HTTP/1.0\nX-Long: one\n  two\nHost: h\n\n");
        assertThat(http.wrap(buf(get), 0, get.length)).isNull();
        assertThat(http.header("X-Long")).isEqualTo("one two");
        assertThat(http.header("Host")).isEqualTo("h");
    }

    @Test
    void shouldRejectWhatIsNotAnHttpRequestHead() {
        assertThat(wrap("RTSP/1.0 200 OK\r\n\r\n")).isEqualTo(HttpRejection.BAD_REQUEST_LINE);
        assertThat(wrap("OPTIONS * RTSP/1.0\r\n\r\n")).isEqualTo(HttpRejection.BAD_REQUEST_LINE);
        assertThat(wrap("GET /\r\n\r\n")).isEqualTo(HttpRejection.BAD_REQUEST_LINE);
        assertThat(wrap("GET / HTTP/1.1")).isEqualTo(HttpRejection.START_LINE_INCOMPLETE);
        assertThat(wrap("GET / HTTP/1.1\r\nno colon here\r\n\r\n")).isEqualTo(HttpRejection.BAD_HEADER_LINE);
        assertThat(wrap("")).isEqualTo(HttpRejection.EMPTY);
    }

    @Test
    void shouldBoundHeaderCountAndHeadLength() {
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i <= HttpRequestHead.MAX_HEADERS; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        assertThat(wrap(many + "\r\n")).isEqualTo(HttpRejection.TOO_MANY_HEADERS);
        byte[] huge = new byte[20_000];
        Arrays.fill(huge, (byte) 'a');
        assertThat(http.wrap(buf(huge), 0, huge.length)).isEqualTo(HttpRejection.HEAD_TOO_LONG);
    }

    @Test
    void shouldListRejectionsInTheOrderOfTheSharedHeadStatusCodes() {
        assertThat(HttpRejection.values()[TextHead.BAD_START_LINE - 1]).isEqualTo(HttpRejection.BAD_REQUEST_LINE);
        assertThat(HttpRejection.values()[TextHead.BAD_HEADER_LINE - 1]).isEqualTo(HttpRejection.BAD_HEADER_LINE);
        assertThat(SipRejection.values()[TextHead.TOO_MANY_HEADERS - 1]).isEqualTo(SipRejection.TOO_MANY_HEADERS);
        assertThat(SipRejection.values()[TextHead.EMPTY - 1]).isEqualTo(SipRejection.EMPTY);
        assertThat(HttpRejection.values()).hasSameSizeAs(SipRejection.values());
    }

    private io.airlock.wire.Rejection wrap(String s) {
        byte[] b = SamplePayloads.ascii(s);
        return http.wrap(buf(b), 0, b.length);
    }

    private static ByteBuf buf(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }
}
