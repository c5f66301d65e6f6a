package io.airlock.container.imkh;

/** Code tables of HIK_MEDIAINFO fields, from the Hikvision PlayM4.h SYSTEM_*, VIDEO_* and AUDIO_* defines. */
final class MediaInfoCodes {

    static final int SYSTEM_NULL = 0x0;
    static final int SYSTEM_HIK = 0x1;
    static final int SYSTEM_MPEG2_PS = 0x2;
    static final int SYSTEM_MPEG2_TS = 0x3;
    static final int SYSTEM_RTP = 0x4;
    static final int SYSTEM_MPEG4 = 0x5;
    static final int SYSTEM_AVI = 0x7;
    static final int SYSTEM_RTMP = 0xD;
    static final int SYSTEM_RTPHIK = 0x401;
    static final int SYSTEM_DAH = 0x8001;

    static final int VIDEO_NULL = 0x0;
    static final int VIDEO_H264 = 0x1;
    static final int VIDEO_MPEG2 = 0x2;
    static final int VIDEO_MPEG4 = 0x3;
    static final int VIDEO_MJPEG = 0x4;
    static final int VIDEO_HEVC265 = 0x5;
    static final int VIDEO_SVAC = 0x6;
    static final int VIDEO_SVAC2 = 0x7;
    static final int VIDEO_AVC264 = 0x100;
    static final int VIDEO_SVC = 0x110;

    private MediaInfoCodes() {
    }

    static String systemFormatName(final int code) {
        switch (code) {
            case SYSTEM_NULL: return "none";
            case SYSTEM_HIK: return "HIK";
            case SYSTEM_MPEG2_PS: return "MPEG2-PS";
            case SYSTEM_MPEG2_TS: return "MPEG2-TS";
            case SYSTEM_RTP: return "RTP";
            case SYSTEM_MPEG4: return "MP4";
            case SYSTEM_AVI: return "AVI";
            case SYSTEM_RTMP: return "RTMP";
            case SYSTEM_RTPHIK: return "RTP-HIK";
            case SYSTEM_DAH: return "DAH";
            default: return unknown(code);
        }
    }

    static String videoFormatName(final int code) {
        switch (code) {
            case VIDEO_NULL: return "none";
            case VIDEO_H264: return "H.264";
            case VIDEO_MPEG2: return "MPEG2";
            case VIDEO_MPEG4: return "MPEG4";
            case VIDEO_MJPEG: return "MJPEG";
            case VIDEO_HEVC265: return "HEVC";
            case VIDEO_SVAC: return "SVAC";
            case VIDEO_SVAC2: return "SVAC2";
            case VIDEO_AVC264: return "AVC264";
            case VIDEO_SVC: return "SVC";
            default: return unknown(code);
        }
    }

    static String audioFormatName(final int code) {
        switch (code) {
            case 0x0: return "none";
            case 0x1000: return "ADPCM";
            case 0x2000: return "MPEG";
            case 0x2001: return "AAC";
            case 0x2002: return "AAC-LD";
            case 0x3000: return "AMR-NB";
            case 0x3002: return "OPUS";
            case 0x7000: return "RAW";
            case 0x7001: return "RAW-UDP";
            case 0x7110: return "G.711u";
            case 0x7111: return "G.711a";
            case 0x7221: return "G.722.1";
            case 0x7231: return "G.723.1";
            case 0x7260: return "G.726u";
            case 0x7261: return "G.726a";
            case 0x7262: return "G.726-16";
            case 0x7290: return "G.729";
            default: return unknown(code);
        }
    }

    private static String unknown(final int code) {
        return "0x" + Integer.toHexString(code);
    }
}
