package io.airlock.rtsp;

import io.airlock.wire.Rejection;

/**
 * Parser for the RTSP {@code Transport} header value (RFC 2326 §12.39), one or more comma-separated specs.
 *
 * <pre>
 * Transport     = "Transport" ":" 1#transport-spec
 * transport-spec = transport-protocol/profile[/lower-transport] *(";" parameter)
 * parameter     = ( "unicast" | "multicast" ) | ";" "destination" [ "=" address ] | ";" "source" "=" address
 *               | "interleaved" "=" channel [ "-" channel ] | "ttl" "=" ttl | "port" "=" port [ "-" port ]
 *               | "client_port" "=" port [ "-" port ] | "server_port" "=" port [ "-" port ]
 *               | "ssrc" "=" ssrc (8*HEX) | "mode" "=" &lt;"&gt; 1#mode &lt;"&gt;
 * </pre>
 *
 * <p>{@link #parse} records every spec; {@link #select} chooses which one the accessors describe (spec 0 after a
 * parse). Tolerates Hikvision's {@code ssrc= d6d6627} (leading space, fewer than 8 digits), quoted modes and unknown
 * parameters. Ports absent are -1; a single port gives low == high.
 */
public final class TransportHeader {

    public static final int MAX_SPECS = 16;
    public static final int MAX_VALUE_LENGTH = 8 * 1024;
    public static final int MAX_PARAMETERS = 32;

    private final TransportSpec[] specs = new TransportSpec[MAX_SPECS];
    private int specCount;
    private TransportSpec current;

    public TransportHeader() {
        for (int i = 0; i < MAX_SPECS; i++) {
            specs[i] = new TransportSpec();
        }
        reset();
    }

    /** Parses the whole header value; null on success, else the reason (accessors then describe nothing). */
    public Rejection parse(final CharSequence value) {
        reset();
        if (value == null || value.length() == 0 || value.length() > MAX_VALUE_LENGTH) {
            return RtspRejection.BAD_TRANSPORT;
        }
        final String s = value.toString();
        int start = 0;
        int count = 0;
        while (start <= s.length()) {
            int comma = s.indexOf(',', start);
            if (comma < 0) {
                comma = s.length();
            }
            final String spec = s.substring(start, comma).trim();
            if (!spec.isEmpty()) {
                if (count == MAX_SPECS) {
                    reset();
                    return RtspRejection.TOO_MANY_TRANSPORTS;
                }
                if (!specs[count].parse(spec)) {
                    reset();
                    return RtspRejection.BAD_TRANSPORT;
                }
                count++;
            }
            start = comma + 1;
        }
        if (count == 0) {
            return RtspRejection.BAD_TRANSPORT;
        }
        specCount = count;
        current = specs[0];
        return null;
    }

    /** Forgets the parsed value. */
    public void reset() {
        specCount = 0;
        specs[0].clear();
        current = specs[0];
    }

    public int specCount() {
        return specCount;
    }

    /** Makes spec {@code index} (0-based, below {@link #specCount()}) the one the accessors describe. */
    public TransportHeader select(final int index) {
        if (index < 0 || index >= specCount) {
            throw new IndexOutOfBoundsException("index=" + index + " specCount=" + specCount);
        }
        current = specs[index];
        return this;
    }

    /** "RTP/AVP", "RTP/AVP/TCP", "RTP/AVP/UDP" as written (upper-cased). */
    public String profile() {
        return current.profile;
    }

    public boolean tcp() {
        return current.tcp;
    }

    public boolean multicast() {
        return current.multicast;
    }

    public boolean unicast() {
        return current.unicast;
    }

    /** The destination address, "" when the parameter has no value, null when absent. */
    public String destination() {
        return current.destination;
    }

    public String source() {
        return current.source;
    }

    public int clientPortLow() {
        return current.clientPortLow;
    }

    public int clientPortHigh() {
        return current.clientPortHigh;
    }

    public int serverPortLow() {
        return current.serverPortLow;
    }

    public int serverPortHigh() {
        return current.serverPortHigh;
    }

    /** The multicast {@code port=} range. */
    public int portLow() {
        return current.portLow;
    }

    public int portHigh() {
        return current.portHigh;
    }

    public int interleavedLow() {
        return current.interleavedLow;
    }

    public int interleavedHigh() {
        return current.interleavedHigh;
    }

    /** SSRC as an unsigned 32-bit value, -1 when absent. */
    public long ssrc() {
        return current.ssrc;
    }

    /** Mode without quotes, e.g. "play" or "PLAY"; null when absent. */
    public String mode() {
        return current.mode;
    }

    /** Multicast TTL, -1 when absent. */
    public int ttl() {
        return current.ttl;
    }
}
