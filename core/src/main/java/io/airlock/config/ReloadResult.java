package io.airlock.config;

import java.util.List;

/**
 * What reloading the configuration did: either the new configuration was taken, with one line per change, or it
 * was refused and the running configuration stays.
 *
 * @param ok      whether the new configuration was taken
 * @param changes one line per change applied or left for a restart, for the log; empty when nothing changed
 * @param errors  why the configuration was refused, one line each ({@code FILE:LINE:COLUMN: message}); empty when ok
 */
public record ReloadResult(boolean ok, List<String> changes, List<String> errors) {

    public ReloadResult {
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
        if (ok != errors.isEmpty()) {
            throw new IllegalArgumentException("a reload either applied or has errors");
        }
    }

    /** The new configuration was taken; {@code changes} says what that changed. */
    public static ReloadResult applied(List<String> changes) {
        return new ReloadResult(true, changes, List.of());
    }

    /** The new configuration was refused for {@code errors}; nothing changed. */
    public static ReloadResult rejected(List<String> errors) {
        return new ReloadResult(false, List.of(), errors);
    }
}
