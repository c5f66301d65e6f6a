package io.airlock.alert.syslog;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where and how {@link SyslogSink} sends.
 *
 * @param host            collector host name or address, resolved at each connection attempt
 * @param port            collector port
 * @param transport       UDP, TCP or TLS
 * @param caFile          PEM file of the CA certificates to trust for TLS, or null for the JDK's default trust store
 * @param facility        facility of every message (default local4)
 * @param queue           findings queued for the sender thread before new ones are dropped
 * @param sdId            SD-ID of the structured data element
 * @param maxMessageBytes bound on a whole message (the frame's LEN for TCP/TLS, the datagram for UDP)
 */
public record SyslogSettings(String host, int port, SyslogTransport transport, Path caFile, Facility facility,
                             int queue, String sdId, int maxMessageBytes) {

    /**
     * The default SD-ID: "airlock" at enterprise number 32473, which RFC 5612 reserves for documentation. Operators
     * with an IANA Private Enterprise Number of their own can set {@code sd_id} to {@code airlock@THEIRS}.
     */
    public static final String DEFAULT_SD_ID = "airlock@32473";
    public static final Facility DEFAULT_FACILITY = Facility.LOCAL4;
    public static final int DEFAULT_QUEUE = 4096;
    /** RFC 5426 §3.2: beyond 2048 octets datagrams risk fragmentation and truncating receivers. */
    public static final int DEFAULT_UDP_MESSAGE_BYTES = 2048;
    /** RFC 5425 §4.3.1: receivers should take 8192 octets. */
    public static final int DEFAULT_STREAM_MESSAGE_BYTES = 8192;
    /** RFC 5424 §6.1: every receiver must take 480 octets. */
    public static final int MIN_MESSAGE_BYTES = 480;
    public static final int MAX_MESSAGE_BYTES = 65_000;

    /** SD-NAME "@" enterprise number (RFC 5424 §6.3.2, §7.2.2), at most 32 characters. */
    public static final Pattern SD_ID = Pattern.compile("(?=.{3,32}$)[!#-<>-?A-\\\\^-~]+@[0-9]+(\\.[0-9]+)*");

    public SyslogSettings {
        if (port < 1 || port > 65535 || queue < 1 || maxMessageBytes < MIN_MESSAGE_BYTES
                || maxMessageBytes > MAX_MESSAGE_BYTES || !SD_ID.matcher(sdId).matches()) {
            throw new IllegalArgumentException("syslog settings out of range");
        }
    }

    /** The defaults for {@code transport} to {@code host}. */
    public static SyslogSettings to(String host, SyslogTransport transport) {
        return new SyslogSettings(host, transport.defaultPort(), transport, null, DEFAULT_FACILITY, DEFAULT_QUEUE,
                DEFAULT_SD_ID, defaultMessageBytes(transport));
    }

    public static int defaultMessageBytes(SyslogTransport transport) {
        return transport == SyslogTransport.UDP ? DEFAULT_UDP_MESSAGE_BYTES : DEFAULT_STREAM_MESSAGE_BYTES;
    }

    /** "tls://siem.example:6514", for messages and thread names. */
    public String describe() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return transport.label() + "://" + h + ":" + port;
    }
}
