package io.airlock.alert;

import io.airlock.net.Flow;
import io.airlock.pipeline.Track;

/**
 * Which stream a finding or summary is about: the transport 5-tuple when there is one, else the file and track, plus
 * the RTP SSRC when known. Built once per finding, never per packet.
 */
public record StreamIdentity(String file, String sourceIp, int sourcePort, String destinationIp, int destinationPort,
                             String protocol, int track, long ssrc) {

    /** Identity of a flow seen in {@code file} (null for live traffic). */
    public static StreamIdentity of(String file, Flow flow) {
        if (flow == null) {
            return new StreamIdentity(file, null, 0, null, 0, null, -1, -1);
        }
        return new StreamIdentity(file, flow.sourceIp(), flow.sourcePort(), flow.destinationIp(),
                flow.destinationPort(), flow.protocolName(), -1, -1);
    }

    /** Identity of a track: its flow when it has one, plus the track number and SSRC. */
    public static StreamIdentity of(Track track) {
        Flow flow = track.flow();
        if (flow == null) {
            return new StreamIdentity(track.sourceName(), null, 0, null, 0, null, track.index(), track.ssrc());
        }
        return new StreamIdentity(track.sourceName(), flow.sourceIp(), flow.sourcePort(), flow.destinationIp(),
                flow.destinationPort(), flow.protocolName(), track.index(), track.ssrc());
    }

    /** Compact text for humans: "10.0.0.2:554 -> 10.0.0.9:50000 udp ssrc=1a2b3c4d" or "file.h264 track 0". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (sourceIp != null) {
            sb.append(sourceIp).append(':').append(sourcePort).append(" -> ").append(destinationIp).append(':')
                    .append(destinationPort).append(' ').append(protocol);
        } else {
            sb.append(file == null ? "?" : file);
            if (track >= 0) {
                sb.append(" track ").append(track);
            }
        }
        if (ssrc >= 0) {
            sb.append(String.format(" ssrc=%08x", ssrc));
        }
        return sb.toString();
    }
}
