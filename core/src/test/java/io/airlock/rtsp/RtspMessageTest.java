package io.airlock.rtsp;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RtspMessageTest {

    private static RtspMessage wrapOk(final String text) {
        final byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        final RtspMessage m = new RtspMessage();
        assertThat(m.wrap(Unpooled.wrappedBuffer(b), 0, b.length)).isNull();
        return m;
    }

    private static Object reject(final String text) {
        final byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return new RtspMessage().wrap(Unpooled.wrappedBuffer(b), 0, b.length);
    }

    @Test
    void shouldParseRequestWithMixedLineEndingsAndFoldedHeader() {
        final RtspMessage m = wrapOk("SETUP rtsp://cam/trackID=1 RTSP/1.0\r\nCseq: 7 \nX-Long: a\r\n  b\n\r\n");
        assertThat(m.isRequest()).isTrue();
        assertThat(m.method()).isEqualTo("SETUP");
        assertThat(m.uri()).isEqualTo("rtsp://cam/trackID=1");
        assertThat(m.version()).isEqualTo("RTSP/1.0");
        assertThat(m.cseq()).isEqualTo(7);
        assertThat(m.header("x-long")).isEqualTo("a b");
        assertThat(m.headerCount()).isEqualTo(2);
        assertThat(m.headerName(0)).isEqualTo("Cseq");
        assertThat(m.contentLength()).isEqualTo(-1);
        assertThat(m.body()).isEmpty();
    }

    @Test
    void shouldExposeBodyAndAllValues() {
        final RtspMessage m = wrapOk("RTSP/1.0 200 OK\r\nx-notes: a\r\nX-Notes: b\r\nContent-Length: 3\r\n\r\nabcTRAILING");
        assertThat(m.headers("x-notes")).containsExactly("a", "b");
        assertThat(m.body()).isEqualTo("abc");
        assertThat(m.bodyLength()).isEqualTo(3);
        assertThat(m.length()).isEqualTo(m.bodyOffset() + 3);
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.method()).isNull();
    }

    @Test
    void shouldAcceptStatusLineWithoutReasonPhrase() {
        assertThat(wrapOk("RTSP/1.0 454\r\n\r\n").reasonPhrase()).isEmpty();
    }

    @Test
    void shouldRejectMalformedMessages() {
        assertThat(reject("")).isEqualTo(RtspRejection.EMPTY);
        assertThat(reject("RTSP/1.0 200 OK\r\nCSeq: 1\r\n")).isEqualTo(RtspRejection.HEADERS_INCOMPLETE);
        assertThat(reject("RTSP/x 200 OK\r\n\r\n")).isEqualTo(RtspRejection.BAD_VERSION);
        assertThat(reject("RTSP/1.0 20 OK\r\n\r\n")).isEqualTo(RtspRejection.BAD_STATUS_CODE);
        assertThat(reject("SET(UP x RTSP/1.0\r\n\r\n")).isEqualTo(RtspRejection.BAD_METHOD);
        assertThat(reject("SETUP x HTTP/1.1\r\n\r\n")).isEqualTo(RtspRejection.BAD_VERSION);
        assertThat(reject("RTSP/1.0 200 OK\r\nno colon\r\n\r\n")).isEqualTo(RtspRejection.BAD_HEADER_LINE);
        assertThat(reject("RTSP/1.0 200 OK\r\nA: \u0000\r\n\r\n")).isEqualTo(RtspRejection.BAD_CHARACTER);
        assertThat(reject("RTSP/1.0 200 OK\r\nContent-Length: 9\r\n\r\nabc")).isEqualTo(RtspRejection.BODY_TRUNCATED);
        assertThat(reject("RTSP/1.0 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"))
                .isEqualTo(RtspRejection.BAD_CONTENT_LENGTH);
        assertThat(reject("RTSP/1.0 200 OK\r\nContent-Length: 99999999\r\n\r\n")).isEqualTo(RtspRejection.BODY_TOO_LONG);
        assertThat(reject("RTSP/1.0 200 OK\r\n" + "A: b\r\n".repeat(129) + "\r\n"))
                .isEqualTo(RtspRejection.TOO_MANY_HEADERS);
        assertThat(reject("RTSP/1.0 200 OK\r\nA: " + "b".repeat(9000) + "\r\n\r\n"))
                .isEqualTo(RtspRejection.LINE_TOO_LONG);
    }
}
