package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TlsClientHelloTest {

    @Test
    void shouldReadTheServerName() {
        byte[] hello = SamplePayloads.tlsClientHello("api.hik-connect.com");
        assertThat(TlsClientHello.serverName(buf(hello), 0, hello.length)).isEqualTo("api.hik-connect.com");
        assertThat(TlsClientHello.rejection(buf(hello), 0, hello.length)).isNull();
    }

    @Test
    void shouldReadAHelloAtAnOffset() {
        byte[] hello = SamplePayloads.tlsClientHello("dev.ezvizlife.com");
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[40], hello);
        assertThat(TlsClientHello.serverName(buf, 40, hello.length)).isEqualTo("dev.ezvizlife.com");
    }

    @Test
    void shouldSayTruncatedWhenTheSegmentEndsBeforeTheName() {
        byte[] hello = SamplePayloads.tlsClientHello("api.hik-connect.com");
        int nameEnd = 5 + 4 + 2 + 32 + 1 + 32 + 2 + 6 + 2 + 2 + 9 + "api.hik-connect.com".length();
        assertThat(TlsClientHello.serverName(buf(hello), 0, nameEnd)).isEqualTo("api.hik-connect.com");
        for (int n = 0; n < nameEnd; n++) {
            assertThat(TlsClientHello.serverName(buf(hello), 0, n)).as("first %d bytes", n).isNull();
        }
        assertThat(TlsClientHello.rejection(buf(hello), 0, 100)).isEqualTo(TlsRejection.TRUNCATED);
        assertThat(TlsClientHello.rejection(buf(hello), 0, 3)).isEqualTo(TlsRejection.TOO_SHORT);
    }

    @Test
    void shouldSayNoServerNameWhenTheExtensionIsAbsent() {
        byte[] hello = SamplePayloads.tlsClientHello("x");
        // rename the server_name extension (type 0) to type 0xFFFF: offset of the first extension type
        int first = 5 + 4 + 2 + 32 + 1 + 32 + 2 + 6 + 2 + 2;
        hello[first] = (byte) 0xFF;
        hello[first + 1] = (byte) 0xFF;
        assertThat(TlsClientHello.serverName(buf(hello), 0, hello.length)).isNull();
        assertThat(TlsClientHello.rejection(buf(hello), 0, hello.length)).isEqualTo(TlsRejection.NO_SERVER_NAME);
    }

    @Test
    void shouldRefuseANameWithControlCharacters() {
        byte[] hello = SamplePayloads.tlsClientHello("evil\nhost");
        assertThat(TlsClientHello.serverName(buf(hello), 0, hello.length)).isNull();
        assertThat(TlsClientHello.rejection(buf(hello), 0, hello.length)).isEqualTo(TlsRejection.BAD_SERVER_NAME);
    }

    @Test
    void shouldRefuseOtherRecords() {
        byte[] alert = {0x15, 3, 3, 0, 2, 2, 40, 0, 0, 0};
        assertThat(TlsClientHello.rejection(buf(alert), 0, alert.length)).isEqualTo(TlsRejection.NOT_CLIENT_HELLO);
        byte[] hello = SamplePayloads.tlsClientHello("a.b");
        hello[5] = 2;
        assertThat(TlsClientHello.serverName(buf(hello), 0, hello.length)).as("ServerHello").isNull();
    }

    @Test
    void shouldStayInsideTheRecordTheLengthDeclares() {
        byte[] hello = SamplePayloads.tlsClientHello("api.hik-connect.com");
        hello[3] = 0;
        hello[4] = 60;
        assertThat(TlsClientHello.rejection(buf(hello), 0, hello.length)).isEqualTo(TlsRejection.TRUNCATED);
        byte[] longer = Arrays.copyOf(hello, hello.length + 100);
        assertThat(TlsClientHello.serverName(buf(longer), 0, longer.length)).isNull();
    }

    private static ByteBuf buf(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }
}
