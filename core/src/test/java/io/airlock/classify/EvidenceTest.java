package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void shouldNameTheSniOfAClientHello() {
        ClassifiedEvidence e = describe(Verdict.TLS_CLIENT_HELLO, SamplePayloads.tlsClientHello("api.hik-connect.com"));
        assertThat(e.summary()).isEqualTo("TLS ClientHello, SNI api.hik-connect.com");
        assertThat(e.details()).containsEntry("sni", "api.hik-connect.com").containsKey("matched_hex")
                .doesNotContainKey("matched_text");
        assertThat(e.details().get("matched_hex")).startsWith("1603010").hasSize(64 + 1);
    }

    @Test
    void shouldNameTheQueryAndTheCloudOfADnsLookup() {
        ClassifiedEvidence e = describe(Verdict.DNS, SamplePayloads.dnsQuery("dev.hik-connect.com"));
        assertThat(e.summary()).isEqualTo("DNS query for dev.hik-connect.com");
        assertThat(e.details()).containsEntry("qname", "dev.hik-connect.com").containsEntry("qtype", "1")
                .containsEntry("vendor_cloud", "hik-connect.com");
    }

    @Test
    void shouldListTheAddressesOfADnsAnswer() {
        byte[] answer = SamplePayloads.dnsResponseA("dev.ezvizlife.com", new byte[] {(byte) 198, 51, 100, 9});
        ClassifiedEvidence e = describe(Verdict.DNS, answer);
        assertThat(e.summary()).isEqualTo("DNS response for dev.ezvizlife.com");
        assertThat(e.details()).containsEntry("answers", "198.51.100.9").containsEntry("rcode", "0");
    }

    @Test
    void shouldNameTheGb28181DeviceOfASipRegister() {
        ClassifiedEvidence e = describe(Verdict.SIP_REGISTER, SamplePayloads.sipRegisterGb28181());
        assertThat(e.summary()).isEqualTo("SIP REGISTER (GB/T 28181 device " + SamplePayloads.GB_DEVICE_ID + ")");
        assertThat(e.details()).containsEntry("method", "REGISTER").containsEntry("device_id",
                SamplePayloads.GB_DEVICE_ID).containsEntry("request_uri", "sip:" + SamplePayloads.GB_PLATFORM_ID
                + "@3402000000");
        assertThat(e.details().get("matched_text")).startsWith("REGISTER sip:").doesNotContain("\r", "\n");
    }

    @Test
    void shouldNameMethodTargetAndHostOfAnHttpRequest() {
        ClassifiedEvidence e = describe(Verdict.HTTP_REQUEST, SamplePayloads.cve20177921());
        assertThat(e.summary()).isEqualTo("HTTP GET /Security/users?auth=YWRtaW46MTEK (Host 10.1.0.20)");
        assertThat(e.details()).containsEntry("method", "GET").containsEntry("host", "10.1.0.20");
    }

    @Test
    void shouldNameThePortMappingOfAnAddPortMapping() {
        ClassifiedEvidence e = describe(Verdict.UPNP_ADD_PORT_MAPPING, SamplePayloads.upnpAddPortMapping());
        assertThat(e.summary()).isEqualTo("UPnP AddPortMapping of external port 8000 to 10.1.0.20");
        assertThat(e.details()).containsEntry("NewExternalPort", "8000").containsEntry("NewInternalClient",
                "10.1.0.20").containsEntry("NewProtocol", "TCP").doesNotContainKey("NewRemoteHost");
    }

    @Test
    void shouldNameTheSearchTargetOfAnSsdpSearch() {
        ClassifiedEvidence e = describe(Verdict.SSDP_IGD_SEARCH, SamplePayloads.ssdpIgdSearch());
        assertThat(e.details()).containsEntry("st", "urn:schemas-upnp-org:device:InternetGatewayDevice:1");
        assertThat(e.summary()).isEqualTo("SSDP M-SEARCH for urn:schemas-upnp-org:device:InternetGatewayDevice:1");
    }

    @Test
    void shouldNameTheRootAndTypesOfASadpProbe() {
        ClassifiedEvidence e = describe(Verdict.HIK_SADP, SamplePayloads.sadpProbe());
        assertThat(e.details()).containsEntry("root", "Probe").containsEntry("types", "inquiry");
        assertThat(e.summary()).isEqualTo("Hikvision SADP Probe (inquiry)");
    }

    @Test
    void shouldNameTheStunMessageType() {
        ClassifiedEvidence e = describe(Verdict.STUN, SamplePayloads.stunBindingRequest());
        assertThat(e.summary()).isEqualTo("STUN binding request");
        assertThat(e.details()).containsEntry("message_type", "0x0001");
    }

    @Test
    void shouldNameTheMethodOfADhipMessage() {
        ClassifiedEvidence e = describe(Verdict.DAHUA_DHIP_DISCOVERY, SamplePayloads.dhipDiscovery());
        assertThat(e.details()).containsEntry("method", "DHDiscover.search");
        assertThat(e.details().get("matched_text")).startsWith("{ \"method\" : \"DHDiscover.search\"");
    }

    @Test
    void shouldNeverShowTheWssePasswordDigestOfADahuaP2pRequest() {
        ClassifiedEvidence e = describe(Verdict.DAHUA_P2P_REQUEST, SamplePayloads.dahuaDhget());
        assertThat(e.summary()).isEqualTo("Dahua P2P DHGET /probe/p2psrv");
        assertNoSecret(e, SamplePayloads.WSSE_DIGEST);
        assertThat(e.details().get("matched_text")).contains("X-WSSE: <redacted>");
    }

    @Test
    void shouldNeverShowTheSofiaLoginPassword() {
        ClassifiedEvidence e = describe(Verdict.XIONGMAI_SOFIA, SamplePayloads.xiongmaiSofiaLogin());
        assertNoSecret(e, SamplePayloads.SOFIA_PASSWORD);
        assertThat(e.details().get("matched_text")).contains("\"PassWord\" : \"<redacted>\"");
    }

    @Test
    void shouldMaskTheEncryptedCredentialsOfADvripLogin() {
        byte[] login = SamplePayloads.dahuaDvripLogin();
        ClassifiedEvidence e = describe(Verdict.DAHUA_DVRIP, login);
        assertThat(e.details().get("matched_hex")).isEqualTo("a0050060" + "00000000" + "2a".repeat(16)
                + "04020001" + "0000a1aa");
    }

    @Test
    void shouldRedactCredentialsInHeadersQueriesJsonXmlAndUris() {
        String request = "GET /cgi-bin/login?user=admin&password=s3cret&lang=en HTTP/1.1\r\n"
                + "Host: cam\r\nAuthorization: Basic YWRtaW46czNjcmV0\r\nCookie: session=abcdef\r\n\r\n";
        ClassifiedEvidence e = describe(Verdict.HTTP_REQUEST, SamplePayloads.ascii(request));
        assertNoSecret(e, "s3cret", "YWRtaW46czNjcmV0", "abcdef");
        assertThat(e.details().get("target")).isEqualTo("/cgi-bin/login?user=admin&password=<redacted>&lang=en");

        String soap = "POST /onvif/device_service HTTP/1.1\r\nHost: cam\r\n\r\n<s:Envelope><s:Header><wsse:Security>"
                + "<wsse:UsernameToken><wsse:Username>admin</wsse:Username><wsse:Password Type=\"...#PasswordDigest\">"
                + "tuOSpGlFlIXsozq4HFNeeGeFLEI=</wsse:Password></wsse:UsernameToken>";
        assertNoSecret(describe(Verdict.HTTP_REQUEST, SamplePayloads.ascii(soap)), "tuOSpGlFlIXsozq4HFNeeGeFLEI=");

        String sip = "REGISTER sip:cam1:hunter2@registrar.example SIP/2.0\r\nFrom: <sip:cam1@registrar.example>\r\n"
                + "Authorization: Digest username=\"cam1\", response=\"0123456789abcdef\"\r\n\r\n";
        ClassifiedEvidence s = describe(Verdict.SIP_REGISTER, SamplePayloads.ascii(sip));
        assertNoSecret(s, "hunter2", "0123456789abcdef");
        assertThat(s.details().get("request_uri")).isEqualTo("sip:cam1:<redacted>@registrar.example");

        assertNoSecret(describe(Verdict.DAHUA_DHIP, SamplePayloads.cve202133045()), "Not Used");
        assertNoSecret(describe(Verdict.HTTP_REQUEST, SamplePayloads.cve202133044()), "Not Used");
    }

    @Test
    void shouldStripControlCharactersAndBoundTheText() {
        StringBuilder noisy = new StringBuilder("GET /\u0007\u001b[31m HTTP/1.1\r\nHost: a\u0000b\r\nX: ");
        noisy.append("y".repeat(5000)).append("\r\n\r\n");
        ClassifiedEvidence e = describe(Verdict.HTTP_REQUEST, SamplePayloads.ascii(noisy.toString()));
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            assertThat(d.getValue()).as(d.getKey()).doesNotContainPattern("[\\x00-\\x1f\\x7f]");
            assertThat(d.getValue().length()).as(d.getKey()).isLessThanOrEqualTo(Evidence.MATCHED_TEXT_CHARS + 12);
        }
    }

    @Test
    void shouldDescribeUnparsableBytesByTheVerdictLabel() {
        ClassifiedEvidence e = describe(Verdict.DNS, new byte[] {1, 2, 3});
        assertThat(e.summary()).isEqualTo("DNS");
        assertThat(e.details()).containsOnlyKeys("matched_hex");
        assertThat(Evidence.describe(null, Unpooled.wrappedBuffer(new byte[2]), 1, 5).details()).isEmpty();
    }

    private static void assertNoSecret(ClassifiedEvidence e, String... secrets) {
        String all = e.summary() + e.details();
        for (String secret : secrets) {
            assertThat(all).doesNotContain(secret);
            String secretHex = io.airlock.wire.Hex.of(SamplePayloads.ascii(secret), 0, secret.length());
            assertThat(e.details().get("matched_hex")).doesNotContain(secretHex.length() > 8
                    ? secretHex.substring(0, 8) : secretHex);
        }
    }

    private static ClassifiedEvidence describe(Verdict v, byte[] payload) {
        return Evidence.describe(v, Unpooled.wrappedBuffer(payload), 0, payload.length);
    }
}
