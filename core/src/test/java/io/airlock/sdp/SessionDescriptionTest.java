package io.airlock.sdp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDescriptionTest {

    private static final String BASE = "rtsp://192.168.5.106:554/Streaming/Channels/101/";

    @Test
    void shouldResolveControlUrlsPerRfc2326AppendixC() {
        assertThat(SessionDescription.resolveControl(BASE, "*", "trackID=1")).isEqualTo(BASE + "trackID=1");
        assertThat(SessionDescription.resolveControl(BASE, "*", "*")).isEqualTo(BASE);
        assertThat(SessionDescription.resolveControl(BASE, null, null)).isEqualTo(BASE);
        assertThat(SessionDescription.resolveControl(BASE, "*", "rtsp://other/x?a=1&b=2"))
                .isEqualTo("rtsp://other/x?a=1&b=2");
        assertThat(SessionDescription.resolveControl("rtsp://h/a/b", null, "c")).isEqualTo("rtsp://h/a/b/c");
        assertThat(SessionDescription.resolveControl("rtsp://h:554/a/b", null, "/c")).isEqualTo("rtsp://h:554/c");
        assertThat(SessionDescription.resolveControl("192.168.1.10:554/stream0/", "*", "trackID=1"))
                .isEqualTo("rtsp://192.168.1.10:554/stream0/trackID=1");
        assertThat(SessionDescription.resolveControl("rtsp://c/cam/realmonitor?channel=1&subtype=2/", "*", "trackID=0"))
                .isEqualTo("rtsp://c/cam/realmonitor?channel=1&subtype=2/trackID=0");
        assertThat(SessionDescription.resolveControl(null, "rtsp://h/s/", "t1")).isEqualTo("rtsp://h/s/t1");
        assertThat(SessionDescription.resolveControl(BASE, "session", null)).isEqualTo(BASE + "session");
    }

    @Test
    void shouldTolerateLfOnlyPaddedValuesAndValuelessAttributes() {
        final SessionDescription sd = SessionDescription.parse("v=0\ns=x\na=recvonly\nm=video 5000/2 RTP/AVP 96 97\n"
                + "a=rtpmap:97 H265/90000\na=rtpmap:96 H264/90000/x\na=fmtp:96 a=1;  b = 2 ; c\n"
                + "a=x-dimensions: 1280, 720\nq=unknown\n");
        assertThat(sd.attribute("recvonly")).isEmpty();
        final MediaDescription m = sd.media().get(0);
        assertThat(m.port()).isEqualTo(5000);
        assertThat(m.formats()).containsExactly("96", "97");
        assertThat(m.payloadType()).isEqualTo(96);
        assertThat(m.encodingName()).isEqualTo("H264");
        assertThat(m.encodingParameters()).isEqualTo("x");
        assertThat(m.fmtpParameter("B")).isEqualTo("2");
        assertThat(m.fmtpParameter("c")).isEmpty();
        assertThat(m.fmtpParameter("d")).isNull();
        assertThat(m.attribute("x-dimensions")).isEqualTo("1280, 720");
        assertThat(m.direction()).isEqualTo("recvonly");
        assertThat(m.otherLines()).containsExactly("q=unknown");
        assertThat(sd.problems()).extracting(SdpProblem::reason).containsExactly(SdpRejection.UNKNOWN_LINE_TYPE);
    }

    @Test
    void shouldReportBadBase64AndKeepGoing() {
        final SessionDescription sd = SessionDescription.parse(
                "v=0\r\nm=video 0 RTP/AVP 96\r\na=fmtp:96 sprop-parameter-sets=Z0IA*,aM4=\r\nm=audio 0 RTP/AVP 8\r\n");
        assertThat(sd.media()).hasSize(2);
        assertThat(sd.media().get(0).spropParameterSets()).isEmpty();
        assertThat(sd.problems()).extracting(SdpProblem::reason).containsExactly(SdpRejection.BAD_BASE64);
        assertThat(SessionDescription.decodeParameterSets("Z0IA,aM4=")).hasSize(2);
    }

    @Test
    void shouldReturnObjectForGarbage() {
        final SessionDescription sd = SessionDescription.parse("\u0000\u0001garbage\nm=video x\n=\n");
        assertThat(sd.media()).isEmpty();
        assertThat(sd.problems()).extracting(SdpProblem::reason).contains(SdpRejection.BAD_LINE,
                SdpRejection.BAD_MEDIA_LINE, SdpRejection.BAD_VERSION);
        assertThat(SessionDescription.parse(null).problems()).extracting(SdpProblem::reason)
                .containsExactly(SdpRejection.EMPTY);
    }

    @Test
    void shouldCapMediaSections() {
        final SessionDescription sd = SessionDescription.parse("v=0\n" + "m=audio 0 RTP/AVP 0\n".repeat(70));
        assertThat(sd.media()).hasSize(SessionDescription.MAX_MEDIA);
        assertThat(sd.problems()).extracting(SdpProblem::reason).containsExactly(SdpRejection.TOO_MANY_MEDIA);
    }
}
