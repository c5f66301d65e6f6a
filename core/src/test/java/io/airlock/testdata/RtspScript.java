package io.airlock.testdata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** RTSP 1.0 messages (RFC 2326 §6, §7) and SDP bodies for the generated pcaps. Test code only. */
final class RtspScript {

    private static final String CRLF = "\r\n";

    private RtspScript() {
    }

    /** A request with CSeq and the given header lines ({@code "Name: value"}), no body. */
    static byte[] request(String method, String uri, int cseq, String... headers) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(uri).append(" RTSP/1.0").append(CRLF);
        sb.append("CSeq: ").append(cseq).append(CRLF);
        for (String h : headers) {
            sb.append(h).append(CRLF);
        }
        return sb.append(CRLF).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A reply; with a non-null {@code sdp} body, Content-Type and Content-Length are added. */
    static byte[] reply(int status, String reason, int cseq, String sdp, String... headers) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("RTSP/1.0 ").append(status).append(' ').append(reason).append(CRLF);
        sb.append("CSeq: ").append(cseq).append(CRLF);
        for (String h : headers) {
            sb.append(h).append(CRLF);
        }
        if (sdp != null) {
            byte[] body = sdp.getBytes(StandardCharsets.US_ASCII);
            sb.append("Content-Type: application/sdp").append(CRLF);
            sb.append("Content-Length: ").append(body.length).append(CRLF);
            sb.append(CRLF).append(sdp);
        } else {
            sb.append(CRLF);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** SDP lines joined with CRLF (and a final CRLF). */
    static String sdp(String... lines) {
        return String.join(CRLF, lines) + CRLF;
    }

    /** {@code sprop-parameter-sets} (RFC 6184 §8.1) from H.264 SPS and PPS NAL units. */
    static String spropParameterSets(byte[] sps, byte[] pps) {
        return base64(sps) + "," + base64(pps);
    }

    /** {@code profile-level-id} (RFC 6184 §8.1): the SPS bytes after the NAL header, in hex. */
    static String profileLevelId(byte[] sps) {
        return String.format("%02x%02x%02x", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }

    static String base64(byte[] nal) {
        return Base64.getEncoder().encodeToString(nal);
    }

    /** Upper-case hex, as in Hikvision's {@code a=Media_header:MEDIAINFO=}. */
    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    /** The first NAL unit of {@code type} (H.264 5-bit type, or H.265 6-bit type when {@code h265}). */
    static byte[] first(List<byte[]> nals, int type, boolean h265) {
        for (byte[] nal : nals) {
            int t = h265 ? (nal[0] >> 1) & 0x3F : nal[0] & 0x1F;
            if (t == type) {
                return nal;
            }
        }
        throw new IllegalStateException("no NAL unit of type " + type);
    }
}
