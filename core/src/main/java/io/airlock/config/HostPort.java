package io.airlock.config;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A listen address: an IP literal and a port, written {@code 0.0.0.0:8554} or {@code [::1]:9090}. Host names are
 * refused: what a name resolves to can change after validation, and resolving it would need DNS at load time.
 *
 * @param address the IP address to bind
 * @param port    1-65535
 */
public record HostPort(InetAddress address, int port) {

    /** The address and port, or null when {@code text} is not {@code IP:PORT} / {@code [IPv6]:PORT}. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (!NetUtil.isValidIpV6Address(host)) {
                return null;
            }
        } else if (!NetUtil.isValidIpV4Address(host)) {
            return null;
        }
        int port = parsePort(text.substring(colon + 1));
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (port < 0 || bytes == null) {
            return null;
        }
        try {
            return new HostPort(InetAddress.getByAddress(bytes), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** 1-65535 from at most five digits, else -1. */
    static int parsePort(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** Whether the address is a loopback address (127.0.0.0/8 or ::1). */
    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    /** Whether the address is the wildcard (0.0.0.0 or ::). */
    public boolean wildcard() {
        return address.isAnyLocalAddress();
    }

    @Override
    public String toString() {
        String host = NetUtil.toAddressString(address);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
