package io.airlock.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each message is one line that says what to fix, whatever text libpcap or a configuration file put in it. */
class CaptureExceptionTest {

    @Test
    void shouldSayHowToInstallAMissingLibpcap() {
        assertThat(CaptureException.unavailable(Libpcap.NOT_FOUND))
                .hasMessage("libpcap is not installed: apt-get install libpcap0.8");
    }

    @Test
    void shouldPassOnWhyAnInstalledLibpcapDidNotLoad() {
        assertThat(CaptureException.unavailable("libpcap.so.0.8: undefined symbol:\n pcap_set_immediate_mode"))
                .hasMessage("libpcap cannot be loaded: libpcap.so.0.8: undefined symbol: pcap_set_immediate_mode");
    }

    @Test
    void shouldNameTheCapabilityAndBothWaysToGrantIt() {
        assertThat(CaptureException.permissionDenied("eth1")).hasMessage("capture on eth1 needs CAP_NET_RAW: run as a"
                + " service with AmbientCapabilities=CAP_NET_RAW, or setcap cap_net_raw+ep on the java binary");
    }

    @Test
    void shouldTellHowToBringADownInterfaceUp() {
        assertThat(CaptureException.interfaceDown("cam0"))
                .hasMessage("network interface cam0 is down: bring it up with `ip link set cam0 up`");
    }

    @Test
    void shouldKeepAMultiLineFilterAndLibpcapErrorOnOneLine() {
        assertThat(CaptureException.badFilter("udp\r\nport", "syntax error\n"))
                .hasMessage("BPF filter 'udp port' does not compile: syntax error");
    }

    @Test
    void shouldSayWhenLibpcapGaveNoDetail() {
        assertThat(CaptureException.failed("eth1", "pcap_setnonblock", ""))
                .hasMessage("cannot capture on eth1: pcap_setnonblock: no detail from libpcap");
    }
}
