package io.airlock.inspect;

import io.airlock.net.Flow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the control inspector tells the media inspector what the RTSP sessions negotiated: which UDP endpoint or
 * interleaved channel carries which track. Written by the control thread, read by the media thread on the first
 * packet of each flow only, so string keys cost nothing per packet.
 */
public final class SessionDirectory {

    private static final int MAX_ENTRIES = 4096;

    private final Map<String, TrackHint> byEndpoint = new ConcurrentHashMap<>();

    /** Media for UDP {@code ip:port} (either side of the SETUP's client_port/server_port). */
    void udpEndpoint(String ip, int port, TrackHint hint) {
        if (byEndpoint.size() < MAX_ENTRIES) {
            byEndpoint.put(ip + ':' + port, hint);
        }
    }

    /** Media for an interleaved channel on the TCP connection of {@code flow} (either direction). */
    void interleaved(Flow flow, int channel, TrackHint hint) {
        if (byEndpoint.size() < MAX_ENTRIES) {
            byEndpoint.put(connectionKey(flow) + '#' + channel, hint);
        }
    }

    TrackHint forUdp(Flow flow) {
        TrackHint h = byEndpoint.get(flow.destinationIp() + ':' + flow.destinationPort());
        return h != null ? h : byEndpoint.get(flow.sourceIp() + ':' + flow.sourcePort());
    }

    TrackHint forInterleaved(Flow flow, int channel) {
        return byEndpoint.get(connectionKey(flow) + '#' + channel);
    }

    /** The same key for both directions of one TCP connection. */
    private static String connectionKey(Flow flow) {
        String a = flow.sourceIp() + ':' + flow.sourcePort();
        String b = flow.destinationIp() + ':' + flow.destinationPort();
        return a.compareTo(b) < 0 ? a + '|' + b : b + '|' + a;
    }
}
