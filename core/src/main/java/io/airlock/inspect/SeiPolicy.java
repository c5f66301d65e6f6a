package io.airlock.inspect;

import io.airlock.codec.Codec;

/**
 * Which SEI messages are ordinary. Payload types defined by ITU-T H.264 Annex D / H.265 Annex D (and the common
 * extensions) are allowed; anything else is firmware-defined. user_data_unregistered UUIDs of known encoders are
 * fingerprints, not threats.
 */
public final class SeiPolicy {

    /** ITU-T H.264/H.265 payloadType 4: user_data_registered_itu_t_t35. */
    public static final int USER_DATA_REGISTERED = 4;
    /** payloadType 5: user_data_unregistered (16-byte UUID + data). */
    public static final int USER_DATA_UNREGISTERED = 5;
    /** payloadType 229: not defined by either standard; written by HiSilicon VENC firmware. */
    public static final int HISILICON = 229;

    private static final long[][] KNOWN_ENCODERS = {
        // x264: dc45e9bd-e6d9-48b7-962c-d820d923eeef
        {0xdc45e9bde6d948b7L, 0x962cd820d923eeefL},
        // x265: 2ca2de09-b517-47db-bb55-a4fe7fc2fc4e
        {0x2ca2de09b51747dbL, 0xbb55a4fe7fc2fc4eL},
        // Apple VideoToolbox: 47564adc-5c4c-433f-94ef-c5113cd143a8
        {0x47564adc5c4c433fL, 0x94efc5113cd143a8L},
        // MainConcept: 17ee8c60-f84d-11d9-8cd6-0800200c9a66
        {0x17ee8c60f84d11d9L, 0x8cd60800200c9a66L},
    };
    private static final String[] ENCODER_NAMES = {"x264", "x265", "Apple VideoToolbox", "MainConcept"};

    private SeiPolicy() {
    }

    /** True when {@code payloadType} is defined by the codec's specification. */
    public static boolean allowed(Codec codec, int payloadType) {
        if (payloadType >= 0 && payloadType <= 56) {
            return true;
        }
        if (codec == Codec.H265) {
            return payloadType >= 128 && payloadType <= 213;
        }
        return payloadType >= 137 && payloadType <= 152;
    }

    /** The encoder that uses this user_data_unregistered UUID, or null when it is not a known encoder's. */
    public static String knownEncoder(long uuidMsb, long uuidLsb) {
        for (int i = 0; i < KNOWN_ENCODERS.length; i++) {
            if (KNOWN_ENCODERS[i][0] == uuidMsb && KNOWN_ENCODERS[i][1] == uuidLsb) {
                return ENCODER_NAMES[i];
            }
        }
        return null;
    }

    /** What is known of an undefined payload type, for evidence. */
    public static String describe(int payloadType) {
        switch (payloadType) {
            case HISILICON:
                return "HiSilicon encoder (SoC fingerprint, not proof of a vendor)";
            case 240:
                return "seen from MStar SoC cameras";
            case 128:
                return "seen from Dahua/Amcrest cameras";
            default:
                return "not defined by the standard";
        }
    }

    /** Formats a UUID held as two longs. */
    public static String uuid(long msb, long lsb) {
        return new java.util.UUID(msb, lsb).toString();
    }
}
