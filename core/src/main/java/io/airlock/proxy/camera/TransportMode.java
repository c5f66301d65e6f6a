package io.airlock.proxy.camera;

/** How RTP travels from one camera: unicast UDP, RTSP-interleaved TCP, or UDP falling back to TCP when silent. */
public enum TransportMode {
    /** UDP first; when no RTP arrives within a few seconds of PLAY, redo the session over TCP and stay there. */
    AUTO,
    /** RTP/AVP unicast UDP only. */
    UDP,
    /** RTP/AVP/TCP interleaved only. */
    TCP
}
