package io.airlock.watch;

import io.airlock.alert.Rule;
import io.airlock.classify.SamplePayloads;

import java.util.List;

/**
 * Every kind of phone-home traffic the watch must report, as (rule, transport, destination, payload): written into
 * recorded captures by the tests, and sent for real from a camera network namespace by {@link PhoneHomeReplay}.
 * Addresses are documentation and test ranges (RFC 5737), reachable only inside the test topology.
 */
final class PhoneHomeTraffic {

    static final String CAMERA = "10.77.1.10";
    static final String AIRLOCK = "10.77.1.1";
    static final String RESOLVER = "10.77.1.53";
    static final String TIME_SERVER = "10.77.1.123";
    /** The "internet" host's addresses. */
    static final String P2P_CLOUD = "198.51.100.9";
    static final String CLOUD = "203.0.113.50";
    static final String ATTACKER = "10.77.1.66";

    /** One phone-home flow. {@code tcp} flows open a connection and send the payload on it. */
    record Case(String name, Rule rule, boolean tcp, String destination, int port, byte[] payload) {
    }

    static List<Case> cases() {
        return cases(RESOLVER);
    }

    /** The cases, with the sanctioned resolver the DNS lookup goes to. */
    static List<Case> cases(String resolver) {
        return List.of(
                new Case("Dahua PTCP", Rule.NET_02, false, P2P_CLOUD, 8800, SamplePayloads.dahuaPtcp()),
                new Case("Dahua DHGET", Rule.NET_02, false, P2P_CLOUD, 8801, SamplePayloads.dahuaDhget()),
                new Case("DNS for a vendor cloud", Rule.NET_03, false, resolver, 53,
                        SamplePayloads.dnsQuery("dev.hik-connect.com")),
                new Case("RTMP push", Rule.NET_04, true, CLOUD, 1935, SamplePayloads.rtmpC0C1()),
                new Case("GB/T 28181 SIP REGISTER", Rule.NET_04, false, CLOUD, 5060,
                        SamplePayloads.sipRegisterGb28181()),
                new Case("ISUP/EHome", Rule.NET_04, true, CLOUD, 7660, new byte[0]),
                new Case("STUN", Rule.NET_05, false, CLOUD, 3478, SamplePayloads.stunBindingRequest()),
                new Case("SRT", Rule.NET_05, false, CLOUD, 6000, SamplePayloads.srtHandshake()),
                new Case("Hikvision SADP", Rule.NET_06, false, "239.255.255.250", 37020, SamplePayloads.sadpProbe()),
                new Case("Dahua DHIP discovery", Rule.NET_06, false, "239.255.255.251", 37810,
                        SamplePayloads.dhipDiscovery()),
                new Case("ONVIF WS-Discovery", Rule.NET_06, false, "239.255.255.250", 3702,
                        SamplePayloads.onvifProbe()),
                new Case("UPnP IGD search", Rule.NET_07, false, "239.255.255.250", 1900,
                        SamplePayloads.ssdpIgdSearch()),
                new Case("UPnP AddPortMapping", Rule.NET_07, true, CLOUD, 5000, SamplePayloads.upnpAddPortMapping()),
                new Case("TLS to a cloud", Rule.NET_01, true, CLOUD, 443,
                        SamplePayloads.tlsClientHello("api.hik-connect.com")),
                new Case("HTTP to a cloud", Rule.NET_01, true, CLOUD, 80,
                        SamplePayloads.httpGet("dev.ezvizlife.com", "/api/device/register")));
    }

    /** Requests from an attacker on the camera network, each matching one CVE pattern. */
    static List<Case> attacks() {
        return List.of(
                new Case("CVE-2021-36260", Rule.CVE_2021_36260, true, CAMERA, 80, SamplePayloads.cve202136260()),
                new Case("CVE-2017-7921", Rule.CVE_2017_7921, true, CAMERA, 81, SamplePayloads.cve20177921()),
                new Case("CVE-2021-33044", Rule.CVE_2021_33044, true, CAMERA, 82, SamplePayloads.cve202133044()),
                new Case("CVE-2021-33045", Rule.CVE_2021_33045, true, CAMERA, 83, SamplePayloads.cve202133045()),
                new Case("CVE-2018-9995", Rule.CVE_2018_9995, true, CAMERA, 84, SamplePayloads.cve20189995()));
    }

    /** The TCP ports a host must listen on for {@code cases} to deliver their payloads. */
    static int[] listeningPorts(List<Case> cases) {
        return cases.stream().filter(c -> c.tcp() && c.payload().length > 0).mapToInt(Case::port).toArray();
    }

    private PhoneHomeTraffic() {
    }
}
