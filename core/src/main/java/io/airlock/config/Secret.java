package io.airlock.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A password or token, resolved once at load time from an environment variable ({@code {env: NAME}}), a file
 * ({@code {file: /run/secrets/x}}) or, discouraged, a literal in the YAML. {@link #toString()} is always
 * {@code "***"} so that a secret inside a record, a log line or an exception message cannot leak; only
 * {@link #reveal()} gives the value, and only the code that authenticates should call it.
 */
public final class Secret {

    /** What {@link #toString()} returns, whatever the value. */
    public static final String MASK = "***";

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = origin;
    }

    /** A secret read from environment variable {@code name}. */
    public static Secret fromEnv(String name, String value) {
        return new Secret(value, "env " + name);
    }

    /** A secret read from the file {@code path}. */
    public static Secret fromFile(String path, String value) {
        return new Secret(value, "file " + path);
    }

    /** A secret written literally in the configuration. */
    public static Secret literal(String value) {
        return new Secret(value, "inline");
    }

    /** The value. Never log it, put it in a finding, a metric or an API response. */
    public String reveal() {
        return value;
    }

    /** The value as UTF-8 bytes, for digest computations; the caller may wipe the array. */
    public byte[] revealBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Where the value came from, safe to show: "env NAME", "file /path" or "inline". */
    public String origin() {
        return origin;
    }

    /** Whether {@code candidate} equals the value, in time independent of where they differ. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(revealBytes(), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Number of characters, e.g. to enforce a minimum token length; reveals nothing else. */
    public int length() {
        return value.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(revealBytes(), other.revealBytes());
    }

    @Override
    public int hashCode() {
        // Constant: a hash derived from the value would leak information about it through hash-based collections.
        return 0x5EC12E7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
