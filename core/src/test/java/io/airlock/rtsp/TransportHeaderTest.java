package io.airlock.rtsp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TransportHeaderTest {

    /** Hikvision DS-2CD (retina hikvision_setup_ssrc_space.txt): ssrc with a leading space and only 7 hex digits. */
    @Test
    void hikvisionSetupSsrcLeadingSpace() {
        final byte[] value = {
            'R', 'T', 'P', '/', 'A', 'V', 'P', '/', 'T', 'C', 'P', ';',                  // profile RTP/AVP/TCP
            'u', 'n', 'i', 'c', 'a', 's', 't', ';',                                       // unicast
            'i', 'n', 't', 'e', 'r', 'l', 'e', 'a', 'v', 'e', 'd', '=', '0', '-', '1', ';', // interleaved=0-1
            's', 's', 'r', 'c', '=', ' ', 'd', '6', 'd', '6', '6', '2', '7',              // ssrc= d6d6627
        };
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse(new String(value, StandardCharsets.US_ASCII))).isNull();
        assertThat(t.profile()).isEqualTo("RTP/AVP/TCP");
        assertThat(t.tcp()).isTrue();
        assertThat(t.unicast()).isTrue();
        assertThat(t.ssrc()).isEqualTo(0x0d6d6627L);
    }

    /** GW Security "Rtsp Server/2.0" (retina gw_main_setup_video.txt) echoes destination= even on TCP. */
    @Test
    void gwSecurityEchoesDestinationOnTcp() {
        final byte[] value = {
            'R', 'T', 'P', '/', 'A', 'V', 'P', '/', 'T', 'C', 'P', ';',                       // profile
            'u', 'n', 'i', 'c', 'a', 's', 't', ';',                                            // unicast
            'd', 'e', 's', 't', 'i', 'n', 'a', 't', 'i', 'o', 'n', '=',                       // destination=
            '1', '9', '2', '.', '1', '6', '8', '.', '1', '.', '2', '1', '0', ';',             // the client's IP
            's', 'o', 'u', 'r', 'c', 'e', '=',                                                 // source=
            '1', '9', '2', '.', '1', '6', '8', '.', '1', '.', '1', '1', '0', ';',             // the camera's IP
            'i', 'n', 't', 'e', 'r', 'l', 'e', 'a', 'v', 'e', 'd', '=', '0', '-', '1',        // interleaved=0-1
        };
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse(new String(value, StandardCharsets.US_ASCII))).isNull();
        assertThat(t.tcp()).isTrue();
        assertThat(t.destination()).isEqualTo("192.168.1.210");
        assertThat(t.source()).isEqualTo("192.168.1.110");
        assertThat(t.interleavedHigh()).isEqualTo(1);
    }

    @Test
    void shouldParseEveryCommaSeparatedSpec() {
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse("RTP/AVP;multicast;destination=239.1.2.3;ttl=16;port=5000-5001, "
                + "RTP/AVP/UDP;unicast;client_port=4588-4589, RTP/AVP/TCP;interleaved=4")).isNull();
        assertThat(t.specCount()).isEqualTo(3);
        assertThat(t.multicast()).isTrue();
        assertThat(t.ttl()).isEqualTo(16);
        assertThat(t.portLow()).isEqualTo(5000);
        assertThat(t.select(1).clientPortHigh()).isEqualTo(4589);
        assertThat(t.tcp()).isFalse();
        assertThat(t.select(2).interleavedLow()).isEqualTo(4);
        assertThat(t.interleavedHigh()).isEqualTo(4);
        assertThat(t.ssrc()).isEqualTo(-1);
        assertThat(t.destination()).isNull();
    }

    @Test
    void shouldRejectOutOfRangePortsAndBadSsrc() {
        final TransportHeader t = new TransportHeader();
        assertThat(t.parse("RTP/AVP;client_port=70000-70001")).isEqualTo(RtspRejection.BAD_TRANSPORT);
        assertThat(t.parse("RTP/AVP/TCP;interleaved=0-256")).isEqualTo(RtspRejection.BAD_TRANSPORT);
        assertThat(t.parse("RTP/AVP;ssrc=123456789")).isEqualTo(RtspRejection.BAD_TRANSPORT);
        assertThat(t.parse("RTP/AVP;ssrc=xyz")).isEqualTo(RtspRejection.BAD_TRANSPORT);
        assertThat(t.parse("")).isEqualTo(RtspRejection.BAD_TRANSPORT);
        assertThat(t.parse(",,,")).isEqualTo(RtspRejection.BAD_TRANSPORT);
        assertThat(t.specCount()).isZero();
        assertThat(t.profile()).isNull();
    }

    @Test
    void shouldRejectMoreThanSixteenSpecs() {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            sb.append("RTP/AVP;unicast,");
        }
        assertThat(new TransportHeader().parse(sb)).isEqualTo(RtspRejection.TOO_MANY_TRANSPORTS);
    }
}
