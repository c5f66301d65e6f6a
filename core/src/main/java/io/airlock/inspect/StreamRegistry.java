package io.airlock.inspect;

import io.airlock.codec.Codec;
import io.airlock.net.Flow;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.Track;
import io.airlock.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps events to the media streams they belong to: a track the source named, a UDP flow or an interleaved channel
 * that a SETUP negotiated (from the {@link SessionDirectory}), or, with no RTSP captured, a flow that looks like
 * video RTP. Bounded, so a capture spraying flows or SSRCs cannot exhaust memory.
 */
final class StreamRegistry {

    /** Bound on streams one inspector keeps. */
    static final int MAX_STREAMS = 4096;
    private static final int MAX_INTERLEAVED_CHANNELS = 256;

    private final InspectionContext context;
    private final SessionDirectory directory;
    private final String sourceName;
    private final RtpPacket probe = new RtpPacket();
    private final List<MediaStream> streams = new ArrayList<>();
    private long refused;

    StreamRegistry(InspectionContext context, SessionDirectory directory, String sourceName) {
        this.context = context;
        this.directory = directory;
        this.sourceName = sourceName;
    }

    List<MediaStream> streams() {
        return streams;
    }

    /** Streams not created because {@link #MAX_STREAMS} was reached. */
    long refused() {
        return refused;
    }


    /** Finds (or creates, on a flow's first packet) the stream a datagram or interleaved frame belongs to. */
    MediaStream resolve(PacketEvent event) {
        Flow flow = event.flow();
        if (flow == null) {
            return null;
        }
        FlowMedia media = (FlowMedia) flow.attachment();
        if (media == null) {
            media = new FlowMedia();
            flow.attachment(media);
        }
        int channel = event.channel();
        if (channel >= 0) {
            if (channel >= MAX_INTERLEAVED_CHANNELS) {
                return null;
            }
            MediaStream s = media.channel(channel);
            if (s == null && !media.refused(channel)) {
                TrackHint hint = directory.forInterleaved(flow, channel);
                s = create(flow, hint, event, channel);
                media.channel(channel, s);
            }
            return s;
        }
        if (media.udp() == null && !media.udpRefused()) {
            TrackHint hint = directory.forUdp(flow);
            MediaStream s = create(flow, hint, event, -1);
            media.udp(s);
        }
        return media.udp();
    }

    private MediaStream create(Flow flow, TrackHint hint, PacketEvent event, int channel) {
        if (hint == null && !looksLikeVideoRtp(event)) {
            return null;
        }
        if (streams.size() >= MAX_STREAMS) {
            refused++;
            return null;
        }
        int index = hint != null ? hint.trackIndex() : streams.size();
        Track track = new Track(sourceName, index, flow, hint != null ? hint.codec() : Codec.UNKNOWN);
        if (hint != null) {
            track.encodingName(hint.encodingName()).payloadType(hint.payloadType()).clockRate(hint.clockRate());
        }
        MediaStream s = new MediaStream(track, context, hint == null || hint.video());
        track.state(s);
        streams.add(s);
        return s;
    }

    private boolean looksLikeVideoRtp(PacketEvent event) {
        if (probe.wrap(event.buffer(), event.offset(), event.length()) != null) {
            return false;
        }
        int pt = probe.payloadType();
        // Dynamic payload types (RFC 3551 §6) carry H.264/H.265; 26/32/33/34 are static video ones.
        return pt >= 96 || pt == 26 || pt == 32 || pt == 33 || pt == 34;
    }

    MediaStream stream(Track track) {
        Object state = track.state();
        if (state instanceof MediaStream) {
            return (MediaStream) state;
        }
        if (streams.size() >= MAX_STREAMS) {
            refused++;
            return null;
        }
        // A track the source named is sniffed for a codec only when nothing says it is audio or metadata.
        boolean video = track.codec() != Codec.UNKNOWN || track.encodingName() == null;
        MediaStream s = new MediaStream(track, context, video);
        track.state(s);
        streams.add(s);
        return s;
    }
}
