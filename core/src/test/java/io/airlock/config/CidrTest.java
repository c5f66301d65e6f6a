package io.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR blocks, listen addresses, port ranges and durations as written in the file. */
class CidrTest {

    @Test
    void shouldMatchAddressesInsideTheBlockOnly() throws Exception {
        Cidr block = Cidr.parse("198.51.100.0/28").cidr();
        assertThat(block.contains(InetAddress.getByName("198.51.100.15"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("198.51.100.16"))).isFalse();
        assertThat(block.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").cidr().contains(InetAddress.getByName("203.0.113.9"))).isTrue();
    }

    @Test
    void shouldReadSingleHostsAndIpv6() throws Exception {
        assertThat(Cidr.parse("192.0.2.7").cidr()).hasToString("192.0.2.7/32");
        Cidr v6 = Cidr.parse("fd00::/8").cidr();
        assertThat(v6.contains(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(v6.contains(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(v6.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    @Test
    void shouldRejectHostBitsPrefixesAndNames() {
        assertThat(Cidr.parse("10.0.0.1/8").problem()).isEqualTo("host bits set below /8; did you mean 10.0.0.0/8?");
        assertThat(Cidr.parse("10.0.0.0/").problem()).isEqualTo("prefix length must be 0-32");
        assertThat(Cidr.parse("fd00::/129").problem()).isEqualTo("prefix length must be 0-128");
        assertThat(Cidr.parse("nvr.local").cidr()).isNull();
        assertThat(Cidr.parse("300.1.1.1").cidr()).isNull();
    }

    @Test
    void shouldParseListenAddressesWithoutResolvingNames() {
        assertThat(HostPort.parse("0.0.0.0:8554").wildcard()).isTrue();
        assertThat(HostPort.parse("[::1]:9090").loopback()).isTrue();
        assertThat(HostPort.parse("[::1]:9090")).hasToString("[::1]:9090");
        assertThat(HostPort.parse("localhost:9090")).isNull();
        assertThat(HostPort.parse("127.0.0.1:0")).isNull();
        assertThat(HostPort.parse("127.0.0.1:65536")).isNull();
        assertThat(HostPort.parse("127.0.0.1")).isNull();
    }

    @Test
    void shouldParsePortRanges() {
        assertThat(PortRange.parse("30000-30999")).isEqualTo(PortRange.DEFAULT);
        assertThat(PortRange.DEFAULT.size()).isEqualTo(1000);
        assertThat(PortRange.parse("30000")).isNull();
        assertThat(PortRange.parse("a-b")).isNull();
    }

    @Test
    void shouldParseAndFormatDurations() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("5")).isNull();
        assertThat(Durations.parse("5 s")).isNull();
        assertThat(Durations.parse("-5s")).isNull();
        assertThat(Durations.parse("9999999999s")).isNull();
        assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100ms");
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    }

    @Test
    void shouldSuggestOnlyCloseCandidates() {
        assertThat(Suggestions.closest("pasword", List.of("password", "username"))).isEqualTo("password");
        assertThat(Suggestions.closest("ring-size", List.of("ring_size"))).isEqualTo("ring_size");
        assertThat(Suggestions.closest("zzz", List.of("password"))).isNull();
    }
}
