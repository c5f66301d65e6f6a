package io.airlock.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class HeaderExtensionTest {

    private final HeaderExtension ext = new HeaderExtension();

    private static ByteBuf buf(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Unpooled.wrappedBuffer(b);
    }

    @Test
    void shouldIterateOneByteElementsSkippingPadding() {
        ByteBuf b = buf(
                0x22, 0x01, 0x02, 0x03, // id 2, 3 bytes
                0x00, // padding
                0x50, 0x09, // id 5, 1 byte
                0x00); // padding
        assertThat(ext.wrap(b, 0xBEDE, 0, 8)).isNull();
        assertThat(ext.next()).isTrue();
        assertThat(ext.id()).isEqualTo(2);
        assertThat(ext.elementOffset()).isEqualTo(1);
        assertThat(ext.elementLength()).isEqualTo(3);
        assertThat(ext.next()).isTrue();
        assertThat(ext.id()).isEqualTo(5);
        assertThat(ext.elementOffset()).isEqualTo(6);
        assertThat(ext.elementLength()).isEqualTo(1);
        assertThat(ext.next()).isFalse();
        assertThat(ext.rejection()).isNull();
    }

    @Test
    void shouldStopAtOneByteIdFifteen() {
        ByteBuf b = buf(0xF0, 0x12, 0x34, 0x56);
        assertThat(ext.wrap(b, 0xBEDE, 0, 4)).isNull();
        assertThat(ext.next()).isFalse();
        assertThat(ext.rejection()).isNull();
    }

    @Test
    void shouldIterateTwoByteElements() {
        ByteBuf b = buf(
                0x07, 0x00, // id 7, zero-length
                0x00, // padding
                0x20, 0x02, 0xAB, 0xCD, // id 32, 2 bytes
                0x00, 0x00, 0x00); // padding
        assertThat(ext.wrap(b, 0x1000, 0, b.capacity())).isNull();
        assertThat(ext.next()).isTrue();
        assertThat(ext.id()).isEqualTo(7);
        assertThat(ext.elementLength()).isZero();
        assertThat(ext.next()).isTrue();
        assertThat(ext.id()).isEqualTo(32);
        assertThat(ext.elementOffset()).isEqualTo(5);
        assertThat(ext.elementLength()).isEqualTo(2);
        assertThat(ext.next()).isFalse();
    }

    @Test
    void shouldRejectElementPastEndOfBlock() {
        ByteBuf b = buf(0x1F, 0x01, 0x02, 0x03); // id 1 claims 16 bytes
        assertThat(ext.wrap(b, 0xBEDE, 0, 4)).isNull();
        assertThat(ext.next()).isFalse();
        assertThat(ext.rejection()).isEqualTo(RtpRejection.EXTENSION_ELEMENT_OVERRUN);
        ByteBuf two = buf(0x00, 0x00, 0x00, 0x05);
        assertThat(ext.wrap(two, 0x1003, 0, 4)).isNull();
        assertThat(ext.next()).isFalse();
        assertThat(ext.rejection()).isEqualTo(RtpRejection.EXTENSION_ELEMENT_OVERRUN);
    }

    @Test
    void shouldRejectUnknownProfile() {
        assertThat(ext.wrap(buf(0, 0, 0, 0), 0xABAC, 0, 4)).isEqualTo(RtpRejection.UNKNOWN_EXTENSION_PROFILE);
        assertThat(ext.next()).isFalse();
    }

    /** ONVIF Streaming §6.3 replay extension as sent by an NVR on RTSP PLAY with Require: onvif-replay. */
    @Test
    void onvifReplayExtensionAbac() {
        ByteBuf b = buf(
                0x80, 0x60, 0x00, 0x01, // V=2 X=0? set below, PT 96, seq 1
                0, 0, 0, 0, 0, 0, 0, 1, // timestamp, SSRC
                0xAB, 0xAC, 0x00, 0x03, // profile 0xABAC, 3 words
                0xE4, 0x5B, 0x0C, 0x80, // NTP seconds
                0x40, 0x00, 0x00, 0x00, // NTP fraction 0.25
                0xB0, // C=1 E=0 D=1 T=1 mbz=0
                0x2A, // CSeq 42
                0x00, 0x00, // padding
                0x65); // payload
        b.setByte(0, 0x90); // X=1
        RtpPacket rtp = new RtpPacket();
        assertThat(rtp.wrap(b, 0, b.capacity())).isNull();
        OnvifReplayExtension onvif = new OnvifReplayExtension();
        assertThat(onvif.wrap(rtp)).isNull();
        assertThat(onvif.ntpTimestamp()).isEqualTo(0xE45B0C8040000000L);
        assertThat(onvif.cleanPoint()).isTrue();
        assertThat(onvif.end()).isFalse();
        assertThat(onvif.discontinuity()).isTrue();
        assertThat(onvif.terminal()).isTrue();
        assertThat(onvif.mbz()).isZero();
        assertThat(onvif.cseq()).isEqualTo(42);
        b.setByte(13, 0xAD);
        assertThat(rtp.wrap(b, 0, b.capacity())).isNull();
        assertThat(onvif.wrap(rtp)).isNull();
        b.setByte(13, 0xAE);
        assertThat(rtp.wrap(b, 0, b.capacity())).isNull();
        assertThat(onvif.wrap(rtp)).isEqualTo(RtpRejection.ONVIF_BAD_PROFILE);
    }

    @Test
    void shouldRejectOnvifWithWrongLength() {
        OnvifReplayExtension onvif = new OnvifReplayExtension();
        assertThat(onvif.wrap(buf(new int[8]), 0xABAC, 0, 8)).isEqualTo(RtpRejection.ONVIF_BAD_LENGTH);
    }
}
