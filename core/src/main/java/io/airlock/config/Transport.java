package io.airlock.config;

/** How Airlock pulls RTP from a camera: {@code auto} tries UDP, then TCP interleaving (RFC 2326 §10.12). */
public enum Transport {
    AUTO("auto"),
    UDP("udp"),
    TCP("tcp");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The spelling used in the configuration file. */
    public String label() {
        return label;
    }

    /** The transport spelled {@code label}, or null. */
    public static Transport byLabel(String label) {
        for (Transport t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }
}
