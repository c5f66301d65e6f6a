package io.airlock.sim;

import io.airlock.codec.Codec;
import io.airlock.server.RtspServerConfig;

import java.util.Locale;

/**
 * Which camera the simulator imitates on the control plane, after the transcripts in
 * {@code shared/corpus/rtsp-transcripts/}: the Server header, SDP session name and vendor attributes, control URL
 * style and SETUP reply quirks. Media is the same for all.
 */
public enum Vendor {
    /** Plain RFC 2326/6184 server. */
    GENERIC,
    /** Hikvision DS-2CD (hikvision_describe.txt): no Server header, IMKH Media_header, absolute control URLs. */
    HIKVISION,
    /** Dahua IPC (dahua_describe_h265_pcma.txt): "Rtsp Server/3.0", DH packetization attributes, trackID=0. */
    DAHUA;

    private static final String HIK_QUERY = "?transportmode=unicast&profile=Profile_1";
    private static final String IMKH_PREFIX = "494D4B48" + "0101" + "0000" + "0400";
    private static final String IMKH_H264 = "0100";
    private static final String IMKH_HEVC = "0500";
    private static final int IMKH_TAIL_BYTES = 28;

    /** Parses {@code generic|hikvision|dahua} (any case). */
    public static Vendor parse(final String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** Sets the server's reply style. */
    void configure(final RtspServerConfig config) {
        switch (this) {
            case HIKVISION:
                config.serverHeader(null).ssrcLeadingSpace(true);
                break;
            case DAHUA:
                config.serverHeader("Rtsp Server/3.0").describeHeader("x-Accept-Dynamic-Rate", "1")
                        .describeHeader("Cache-Control", "must-revalidate");
                break;
            default:
                config.serverHeader("Airlock camera-sim");
                break;
        }
    }

    /** First track's control attribute value and its id in SETUP URLs ({@code trackID=<id>}). */
    int firstTrackId() {
        return this == DAHUA ? 0 : 1;
    }

    /** The DESCRIBE body for one video track. */
    String sdp(final String baseUrl, final Clip clip, final int fps, final long sessionId) {
        final String host = host(baseUrl);
        final String encoding = clip.codec() == Codec.H265 ? "H265" : "H264";
        final StringBuilder s = new StringBuilder(1024);
        s.append("v=0\r\n");
        s.append("o=- ").append(sessionId).append(' ').append(sessionId).append(" IN IP4 ").append(host).append("\r\n");
        switch (this) {
            case HIKVISION:
                s.append("s=Media Presentation\r\ne=NONE\r\nb=AS:5050\r\nt=0 0\r\n");
                s.append("a=control:").append(baseUrl).append('/').append(HIK_QUERY).append("\r\n");
                s.append("m=video 0 RTP/AVP 96\r\nc=IN IP4 0.0.0.0\r\nb=AS:5000\r\na=recvonly\r\n");
                s.append("a=control:").append(baseUrl).append("/trackID=1").append(HIK_QUERY).append("\r\n");
                break;
            case DAHUA:
                s.append("s=Media Server\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=control:*\r\n");
                s.append("a=packetization-supported:DH\r\na=rtppayload-supported:DH\r\na=range:npt=now-\r\n");
                s.append("m=video 0 RTP/AVP 96\r\na=control:trackID=0\r\n");
                s.append("a=framerate:").append(fps).append(".000000\r\n");
                break;
            default:
                s.append("s=Airlock camera simulator\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=range:npt=now-\r\n");
                s.append("m=video 0 RTP/AVP 96\r\na=control:trackID=1\r\na=framerate:").append(fps).append("\r\n");
                break;
        }
        s.append("a=rtpmap:96 ").append(encoding).append("/90000\r\n");
        s.append("a=fmtp:96 ").append(clip.fmtp()).append("\r\n");
        if (this == HIKVISION) {
            s.append("a=Media_header:MEDIAINFO=").append(IMKH_PREFIX)
                    .append(clip.codec() == Codec.H265 ? IMKH_HEVC : IMKH_H264)
                    .append("00".repeat(IMKH_TAIL_BYTES)).append(";\r\n");
            s.append("a=appversion:1.0\r\n");
        } else if (this == DAHUA) {
            s.append("a=recvonly\r\n");
        }
        return s.toString();
    }

    private static String host(final String baseUrl) {
        final int scheme = baseUrl.indexOf("://");
        if (scheme < 0) {
            return "0.0.0.0";
        }
        int end = baseUrl.indexOf('/', scheme + 3);
        end = end < 0 ? baseUrl.length() : end;
        final String authority = baseUrl.substring(scheme + 3, end);
        final int colon = authority.lastIndexOf(':');
        return colon > 0 && authority.indexOf(']') < colon ? authority.substring(0, colon) : authority;
    }
}
