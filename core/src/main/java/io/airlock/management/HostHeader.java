package io.airlock.management;

import io.netty.util.NetUtil;

/**
 * Tells a Host header that names this machine by address ({@code 127.0.0.1:9090}, {@code [::1]:9090}) or as
 * {@code localhost} from one naming anything else. A browser tricked by DNS rebinding sends the attacker's host name
 * to a loopback listener; without a token, that is the only thing that gives it away.
 */
final class HostHeader {

    /** RFC 1035 names are at most 253 characters; with a port and brackets, anything longer is not a host. */
    private static final int MAX_LENGTH = 262;

    private HostHeader() {
    }

    /** Whether {@code host} (a Host header value, null when absent) is an IP literal or localhost, with any port. */
    static boolean addressOrLocalhost(String host) {
        if (host == null) {
            return true;
        }
        if (host.isEmpty() || host.length() > MAX_LENGTH) {
            return false;
        }
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 0 || close + 1 < host.length() && host.charAt(close + 1) != ':') {
                return false;
            }
            return NetUtil.isValidIpV6Address(host.substring(1, close));
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return "localhost".equalsIgnoreCase(name) || NetUtil.isValidIpV4Address(name);
    }
}
