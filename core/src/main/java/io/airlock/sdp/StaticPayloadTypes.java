package io.airlock.sdp;

/** RFC 3551 §6 static RTP payload types, used when a camera omits a=rtpmap (e.g. {@code m=audio 0 RTP/AVP 0}). */
final class StaticPayloadTypes {

    private StaticPayloadTypes() {
    }

    static String encodingName(final int pt) {
        switch (pt) {
            case 0: return "PCMU";
            case 3: return "GSM";
            case 4: return "G723";
            case 5: case 6: return "DVI4";
            case 7: return "LPC";
            case 8: return "PCMA";
            case 9: return "G722";
            case 10: case 11: return "L16";
            case 12: return "QCELP";
            case 13: return "CN";
            case 14: return "MPA";
            case 15: return "G728";
            case 18: return "G729";
            case 25: return "CelB";
            case 26: return "JPEG";
            case 28: return "nv";
            case 31: return "H261";
            case 32: return "MPV";
            case 33: return "MP2T";
            case 34: return "H263";
            default: return null;
        }
    }

    static long clockRate(final int pt) {
        switch (pt) {
            case 0: case 3: case 4: case 5: case 7: case 8: case 9: case 12: case 13: case 15: case 18:
                return 8000;
            case 6: return 16000;
            case 10: case 11: return 44100;
            case 14: case 25: case 26: case 28: case 31: case 32: case 33: case 34:
                return 90000;
            default: return -1;
        }
    }
}
