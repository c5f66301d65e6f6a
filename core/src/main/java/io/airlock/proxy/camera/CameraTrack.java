package io.airlock.proxy.camera;

/**
 * One audio or video track of an upstream session, as set up with the camera.
 *
 * @param index       position among the session's tracks (what {@link CameraSessionListener#rtp} is called with)
 * @param mediaType   SDP media type, "video" or "audio"
 * @param encoding    encoding name from rtpmap or the static payload table (H264, H265, PCMA, MPEG4-GENERIC...)
 * @param payloadType first RTP payload type of the media section, -1 when not numeric
 * @param clockRate   RTP clock rate, -1 when unknown
 * @param controlUrl  the URL the SETUP went to
 * @param ssrc        the {@code ssrc=} of the SETUP reply as an unsigned 32-bit value, -1 when absent
 * @param rtpChannel  interleaved RTP channel over TCP, -1 over UDP
 * @param rtcpChannel interleaved RTCP channel over TCP, -1 over UDP
 */
public record CameraTrack(int index, String mediaType, String encoding, int payloadType, long clockRate,
                          String controlUrl, long ssrc, int rtpChannel, int rtcpChannel) {

    /** This track once the SETUP reply is known. */
    CameraTrack withSetup(final long setupSsrc, final int rtp, final int rtcp) {
        return new CameraTrack(index, mediaType, encoding, payloadType, clockRate, controlUrl, setupSsrc, rtp, rtcp);
    }
}
