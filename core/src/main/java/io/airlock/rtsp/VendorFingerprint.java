package io.airlock.rtsp;

/**
 * One vendor hint found in RTSP/SDP control traffic: {@code vendor} (e.g. "Dahua", "IMKH"), {@code source} (where it
 * was seen, e.g. "Server header", "sdp a=Media_header") and {@code evidence} (the bounded, credential-free text).
 */
public record VendorFingerprint(String vendor, String source, String evidence) {
}
