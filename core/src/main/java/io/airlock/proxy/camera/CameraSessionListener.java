package io.airlock.proxy.camera;

import io.airlock.rtsp.RtspMessage;
import io.airlock.sdp.SessionDescription;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Receives what one {@link CameraSession} produces. Every method is called on the session's event loop; buffers and
 * messages are valid only during the call (retain or copy to keep them). No string handed over ever contains the
 * camera's credentials.
 */
public interface CameraSessionListener {

    /** PLAY succeeded; RTP for {@code tracks} follows. Called again after every reconnect. */
    void sessionStarted(SessionDescription sdp, List<CameraTrack> tracks);

    /**
     * One RTP packet from the camera: {@code buf[offset, offset + length)}. Passed as a range of the receive buffer,
     * not a derived buffer, so delivery creates no object per packet; {@code buf}'s indices are not the packet's.
     */
    void rtp(int track, ByteBuf buf, int offset, int length);

    /** One RTCP compound packet from the camera: {@code buf[offset, offset + length)}. */
    void rtcp(int track, ByteBuf buf, int offset, int length);

    /** Something the camera did that Airlock reports; {@code detail} is one line naming the offending party. */
    void anomaly(CameraAnomaly kind, String detail);

    /**
     * The session ended; Airlock tries again in {@code retryInMs} unless the session was stopped. {@code reason} does
     * not name the camera: the listener knows which one it is.
     */
    void sessionLost(String reason, long retryInMs);

    /** Every RTSP response from the camera (for fingerprints). */
    default void rtspResponse(final RtspMessage msg) {
    }
}
