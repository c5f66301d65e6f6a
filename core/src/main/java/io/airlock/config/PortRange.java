package io.airlock.config;

/**
 * The UDP ports Airlock uses for RTP and RTCP, written {@code 30000-30999}. RTP takes an even port and RTCP the odd
 * one above it (RFC 3550 §11), so the range starts even and holds at least one pair.
 *
 * @param first lowest port, even, at least 1024
 * @param last  highest port, at most 65535
 */
public record PortRange(int first, int last) {

    /** The default range, 500 RTP/RTCP pairs. */
    public static final PortRange DEFAULT = new PortRange(30000, 30999);

    /** The range, or null when {@code text} is not {@code FIRST-LAST} with two ports. */
    public static PortRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        int first = HostPort.parsePort(text.substring(0, dash).trim());
        int last = HostPort.parsePort(text.substring(dash + 1).trim());
        return first < 0 || last < 0 ? null : new PortRange(first, last);
    }

    /** Number of ports in the range. */
    public int size() {
        return last - first + 1;
    }

    /** Whether {@code port} lies in the range. */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
