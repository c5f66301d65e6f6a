package io.airlock.proxy;

import io.airlock.proxy.camera.CameraTrack;
import io.airlock.sdp.MediaDescription;
import io.airlock.sdp.SdpAttribute;
import io.airlock.sdp.SessionDescription;

import java.util.List;
import java.util.Locale;

/**
 * The session description recorders get for a proxied camera: the camera's own media sections for the tracks
 * Airlock set up (so codec parameters and vendor attributes reach the recorder untouched), with Airlock's control
 * URLs ({@code trackID=N}) and origin instead of the camera's. Tracks Airlock did not set up (ONVIF metadata) are
 * not offered.
 */
final class RecorderSdp {

    private RecorderSdp() {
    }

    static String of(String cameraName, SessionDescription camera, List<CameraTrack> tracks, long sessionId) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("v=0\r\n");
        sb.append("o=- ").append(sessionId).append(' ').append(sessionId).append(" IN IP4 0.0.0.0\r\n");
        sb.append("s=").append(cameraName).append(" via Airlock\r\n");
        sb.append("t=0 0\r\n");
        sb.append("a=control:*\r\n");
        List<MediaDescription> media = camera.media();
        for (CameraTrack t : tracks) {
            MediaDescription m = find(media, t);
            if (m == null) {
                continue;
            }
            sb.append("m=").append(m.type()).append(" 0 ").append(m.protocol());
            for (String f : m.formats()) {
                sb.append(' ').append(f);
            }
            sb.append("\r\nc=IN IP4 0.0.0.0\r\n");
            for (SdpAttribute a : m.attributes()) {
                if (a.name().equalsIgnoreCase("control")) {
                    continue;
                }
                sb.append("a=").append(a.name());
                if (a.value() != null) {
                    sb.append(':').append(a.value());
                }
                sb.append("\r\n");
            }
            sb.append("a=control:trackID=").append(t.index() + 1).append("\r\n");
        }
        return sb.toString();
    }

    private static MediaDescription find(List<MediaDescription> media, CameraTrack track) {
        for (MediaDescription m : media) {
            String control = m.control();
            if (control != null && !control.isEmpty() && track.controlUrl() != null
                    && track.controlUrl().toLowerCase(Locale.ROOT).contains(control.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        int audioVideo = -1;
        for (MediaDescription m : media) {
            if ("video".equalsIgnoreCase(m.type()) || "audio".equalsIgnoreCase(m.type())) {
                audioVideo++;
                if (audioVideo == track.index()) {
                    return m;
                }
            }
        }
        return null;
    }
}
