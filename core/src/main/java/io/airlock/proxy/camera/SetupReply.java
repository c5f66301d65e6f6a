package io.airlock.proxy.camera;

import io.airlock.rtsp.RtspMessage;
import io.airlock.rtsp.TransportHeader;

import java.net.InetAddress;

/**
 * Reads one SETUP reply (RFC 2326 §10.4, §12.39) for track {@code i}: the Transport the camera chose, its
 * {@code source=} (reported when it is not the camera), its interleaved channels or server ports, and its SSRC.
 * Tolerates {@code ssrc= d6d6627} and cameras that move the interleaved channels they were asked for.
 */
final class SetupReply {

    private final TransportHeader transport = new TransportHeader();

    /**
     * Applies the reply to {@code track}; returns the track as set up, or null when the Transport is unusable.
     * Routes interleaved channels into {@code router} or aims {@code pair} at the camera's announced ports.
     */
    CameraTrack apply(final RtspMessage reply, final CameraTrack track, final boolean tcp, final TrackRouter router,
                      final CameraPortPair pair, final InetAddress cameraAddress, final String configuredHost,
                      final CameraSessionListener listener) {
        try {
            if (transport.parse(reply.header("Transport")) != null || transport.tcp() != tcp) {
                return null;
            }
            final String source = transport.source();
            if (source != null && !source.isEmpty()
                    && !CameraReplies.isCamera(source, cameraAddress, configuredHost)) {
                listener.anomaly(CameraAnomaly.SOURCE_MISMATCH, "SETUP reply for track " + track.index()
                        + " names source=" + CameraReplies.printable(source) + " but the camera is "
                        + (cameraAddress == null ? configuredHost : cameraAddress.getHostAddress()));
            }
            if (tcp) {
                final int rtp = transport.interleavedLow() >= 0 ? transport.interleavedLow() : 2 * track.index();
                final int rtcp = transport.interleavedHigh() > rtp ? transport.interleavedHigh() : rtp + 1;
                router.mapInterleaved(track.index(), rtp, rtcp);
                return track.withSetup(transport.ssrc(), rtp, rtcp);
            }
            final int low = transport.serverPortLow();
            final int high = transport.serverPortHigh() > low ? transport.serverPortHigh() : low < 0 ? -1 : low + 1;
            if (pair == null || cameraAddress == null) {
                return null;
            }
            pair.rtpSocket.expect(cameraAddress, low);
            pair.rtcpSocket.expect(cameraAddress, high);
            return track.withSetup(transport.ssrc(), -1, -1);
        } finally {
            transport.reset();
        }
    }
}
