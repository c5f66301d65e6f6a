package io.airlock.proxy.camera;

import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands RTP and RTCP of one connection to the listener by track: interleaved channels map to tracks through a
 * 256-entry table, UDP sockets know their own track. Counts packets per track; drops (and counts) what arrives
 * before PLAY was answered, on unknown channels, or from foreign senders, and reports each foreign sender once.
 */
final class TrackRouter {

    static final int MAX_REPORTED_FOREIGN_SOURCES = 64;

    private final CameraSessionListener listener;
    private final byte[] channelRoute = new byte[256];
    private final long[] rtpPackets = new long[CameraReplies.MAX_TRACKS];
    private final long[] rtcpPackets = new long[CameraReplies.MAX_TRACKS];
    private final Set<InetSocketAddress> reportedForeign = new HashSet<>();
    private boolean delivering;
    private long droppedPackets;
    private long foreignPackets;

    TrackRouter(final CameraSessionListener listener) {
        this.listener = listener;
    }

    /** Routes interleaved channels {@code rtp} and {@code rtcp} (either may be -1) to {@code track}. */
    void mapInterleaved(final int track, final int rtp, final int rtcp) {
        if (rtp >= 0 && rtp < 256) {
            channelRoute[rtp] = (byte) (track * 2 + 1);
        }
        if (rtcp >= 0 && rtcp < 256 && rtcp != rtp) {
            channelRoute[rtcp] = (byte) (track * 2 + 2);
        }
    }

    /** PLAY was answered: deliver from now on. */
    void startDelivering() {
        delivering = true;
    }

    void stopDelivering() {
        delivering = false;
    }

    void interleaved(final int channel, final ByteBuf buf, final int off, final int len) {
        final int route = channel < 0 || channel > 255 ? 0 : channelRoute[channel];
        if (route == 0 || !delivering) {
            droppedPackets++;
            return;
        }
        // The range of the frame itself, no derived buffer: only valid during the listener call, like the frame.
        deliver((route - 1) >> 1, ((route - 1) & 1) == 1, buf, off, len);
    }

    void datagram(final int track, final boolean rtcp, final ByteBuf packet) {
        if (!delivering) {
            droppedPackets++;
            return;
        }
        deliver(track, rtcp, packet, packet.readerIndex(), packet.readableBytes());
    }

    /** A datagram from someone other than the camera's RTP/RTCP port: dropped, counted, reported once per sender. */
    void foreign(final int track, final boolean rtcp, final InetSocketAddress sender, final String expected) {
        foreignPackets++;
        if (reportedForeign.size() >= MAX_REPORTED_FOREIGN_SOURCES || !reportedForeign.add(sender)) {
            return;
        }
        listener.anomaly(CameraAnomaly.FOREIGN_RTP, (rtcp ? "RTCP" : "RTP") + " for track " + track + " from "
                + sender.getAddress().getHostAddress() + ":" + sender.getPort() + " (expected " + expected
                + "); dropped");
    }

    private void deliver(final int track, final boolean rtcp, final ByteBuf buf, final int off, final int len) {
        if (rtcp) {
            rtcpPackets[track]++;
            listener.rtcp(track, buf, off, len);
        } else {
            rtpPackets[track]++;
            listener.rtp(track, buf, off, len);
        }
    }

    long rtpPackets(final int track) {
        return rtpPackets[track];
    }

    long rtcpPackets(final int track) {
        return rtcpPackets[track];
    }

    long totalRtpPackets() {
        long sum = 0;
        for (final long n : rtpPackets) {
            sum += n;
        }
        return sum;
    }

    long droppedPackets() {
        return droppedPackets;
    }

    long foreignPackets() {
        return foreignPackets;
    }
}
