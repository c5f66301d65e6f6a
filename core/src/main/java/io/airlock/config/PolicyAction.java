package io.airlock.config;

/** What Airlock does when a rule fires: {@code alert} records a finding; {@code block} also cuts the stream. */
public enum PolicyAction {
    ALERT("alert"),
    BLOCK("block");

    private final String label;

    PolicyAction(String label) {
        this.label = label;
    }

    /** The spelling used in the configuration file. */
    public String label() {
        return label;
    }

    /** The action spelled {@code label}, or null. */
    public static PolicyAction byLabel(String label) {
        for (PolicyAction a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        return null;
    }
}
