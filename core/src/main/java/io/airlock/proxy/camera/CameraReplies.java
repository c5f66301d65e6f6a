package io.airlock.proxy.camera;

import io.airlock.rtsp.RtspMessage;
import io.airlock.sdp.MediaDescription;
import io.airlock.sdp.SessionDescription;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the client reads out of camera replies, kept apart from the connection so every vendor quirk is testable
 * without a socket: Content-Base forms, control URLs (absolute with a query, relative, {@code *}), the Session header
 * with its {@code ;timeout=}, the {@code Public} list and the {@code source=} of a SETUP reply.
 */
final class CameraReplies {

    static final int MAX_TRACKS = 8;
    static final int MAX_DETAIL_LENGTH = 160;

    private static final String TIMEOUT = "timeout=";

    private CameraReplies() {
    }

    /** The base for relative controls: Content-Base, else Content-Location, else the request URL (RFC 2326 §C.1.1). */
    static String base(final RtspMessage describeReply, final String requestUrl) {
        final String contentBase = describeReply.header("Content-Base");
        if (contentBase != null && !contentBase.isEmpty()) {
            return contentBase;
        }
        final String contentLocation = describeReply.header("Content-Location");
        return contentLocation != null && !contentLocation.isEmpty() ? contentLocation : requestUrl;
    }

    /** The audio and video tracks to SET UP (application/metadata tracks skipped), at most {@link #MAX_TRACKS}. */
    static List<CameraTrack> plan(final SessionDescription sdp, final String base) {
        final List<CameraTrack> tracks = new ArrayList<>(2);
        for (final MediaDescription m : sdp.media()) {
            final String type = m.type() == null ? "" : m.type().toLowerCase(Locale.ROOT);
            if (!"video".equals(type) && !"audio".equals(type)) {
                continue;
            }
            if (tracks.size() == MAX_TRACKS) {
                break;
            }
            final String control = SessionDescription.resolveControl(base, sdp.control(), m.control());
            tracks.add(new CameraTrack(tracks.size(), type, m.encodingName(), m.payloadType(), m.clockRate(),
                    control, -1, -1, -1));
        }
        return tracks;
    }

    /** The aggregate URL for PLAY, TEARDOWN and keep-alive. */
    static String sessionUrl(final SessionDescription sdp, final String base) {
        return SessionDescription.resolveControl(base, sdp.control(), null);
    }

    /** {@code 708345999} out of {@code 708345999;timeout=60}; null when blank. */
    static String sessionId(final String sessionHeader) {
        if (sessionHeader == null) {
            return null;
        }
        final int semi = sessionHeader.indexOf(';');
        final String id = (semi < 0 ? sessionHeader : sessionHeader.substring(0, semi)).trim();
        return id.isEmpty() ? null : id;
    }

    /** The {@code timeout=} of a Session header in seconds, -1 when absent or unreadable. */
    static int sessionTimeoutSeconds(final String sessionHeader) {
        if (sessionHeader == null) {
            return -1;
        }
        final int at = sessionHeader.toLowerCase(Locale.ROOT).indexOf(TIMEOUT);
        if (at < 0) {
            return -1;
        }
        int p = at + TIMEOUT.length();
        while (p < sessionHeader.length() && sessionHeader.charAt(p) == ' ') {
            p++;
        }
        int v = 0;
        int digits = 0;
        while (p < sessionHeader.length() && digits < 7) {
            final char c = sessionHeader.charAt(p++);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            digits++;
        }
        return digits == 0 || v == 0 ? -1 : v;
    }

    /** Whether keep-alives may use GET_PARAMETER: yes unless OPTIONS listed {@code Public} methods without it. */
    static boolean allowsGetParameter(final RtspMessage optionsReply) {
        final String methods = optionsReply.header("Public");
        return methods == null || methods.toUpperCase(Locale.ROOT).contains("GET_PARAMETER");
    }

    /** Whether a {@code source=} value names the camera: same IP literal, else the configured host name. */
    static boolean isCamera(final String source, final InetAddress cameraAddress, final String configuredHost) {
        final String s = source.trim();
        final byte[] literal = NetUtil.createByteArrayFromIpAddressString(s);
        if (literal != null) {
            return cameraAddress != null && java.util.Arrays.equals(literal, cameraAddress.getAddress());
        }
        return s.equalsIgnoreCase(configuredHost);
    }

    /** Camera-supplied text made safe for one report line: printable ASCII, bounded, userinfo dropped from URLs. */
    static String printable(final String text) {
        if (text == null) {
            return "";
        }
        String t = text;
        final int scheme = t.indexOf("://");
        final int at = t.indexOf('@');
        final int slash = scheme < 0 ? -1 : t.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            t = t.substring(0, scheme + 3) + t.substring(at + 1);
        }
        final StringBuilder sb = new StringBuilder(Math.min(t.length(), MAX_DETAIL_LENGTH));
        for (int i = 0; i < t.length() && sb.length() < MAX_DETAIL_LENGTH; i++) {
            final char c = t.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
