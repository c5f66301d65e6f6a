package io.airlock.alert.syslog;

import java.util.Locale;

/** How syslog messages travel. */
public enum SyslogTransport {
    /** RFC 5426: one message per datagram; a collector that is down loses messages unnoticed. */
    UDP(514),
    /** RFC 6587 §3.4.1 octet counting ("LEN SP MSG") over plain TCP. */
    TCP(514),
    /** RFC 5425: octet counting over TLS 1.2 or 1.3, the server certificate checked against the host name. */
    TLS(6514);

    private final int defaultPort;

    SyslogTransport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transport named {@code text} (udp, tcp, tls; case-insensitive), or null. */
    public static SyslogTransport byName(String text) {
        for (SyslogTransport t : values()) {
            if (t.label().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        return null;
    }
}
